"""防邪课堂: anti-cult education as ordered lesson series.

The column holds series (``LessonSeriesPage``), a series holds numbered
lessons (``LessonPage``). Lessons are column items, so they appear in the
column's feed, on the home page and in site search like any other item, while
the series pages give the course its order: 第1课, 第2课, … with 上一课/下一课.
"""

from collections import Counter
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Max

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column, register_searchable

LESSON_NUMBER_MESSAGE = "课次必须是正整数，从1开始。"
NOT_A_VIDEO_MESSAGE = "“主视频”只能选择视频文件，所选文件是音频，请改放到“主音频”。"
NOT_AN_AUDIO_MESSAGE = "“主音频”只能选择音频文件，所选文件是视频，请改放到“主视频”。"
BOTH_MEDIA_MESSAGE = "每课只能有一个主视频或一个主音频，请删去其中一个。"


def duplicate_lesson_message(number):
    return f"本系列已有第{number}课，请换一个课次。"


def lesson_number_taken(series, number, exclude_pk=None):
    """Whether another lesson of ``series`` (draft or live) already has ``number``."""
    return LessonPage.objects.child_of(series).filter(lesson_number=number).exclude(pk=exclude_pk).exists()


@register_column
class LessonColumnPage(ColumnPage):
    """Lists the lesson series, each with its number of published lessons."""

    column_name = "防邪课堂"
    default_slug = "fxkt"
    icon = "list-ol"
    update_interval = timedelta(days=30)
    planned = True

    subpage_types = ["lessons.LessonSeriesPage"]
    template = "lessons/lesson_column_page.html"

    class Meta:
        db_table = "columns_lessoncolumnpage"  # the table it had in the columns app
        verbose_name = "防邪课堂栏目"
        verbose_name_plural = "防邪课堂栏目"

    def series(self):
        return LessonSeriesPage.objects.child_of(self).live().public().select_related("cover_image").order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        series_page = Paginator(self.series(), self.items_per_page).get_page(request.GET.get("page"))
        lesson_paths = LessonPage.objects.descendant_of(self).live().public().values_list("path", flat=True)
        counts = Counter(path[: -Page.steplen] for path in lesson_paths)
        for series in series_page.object_list:
            series.lesson_count = counts[series.path]
        context["items_page"] = series_page
        return context


@register_searchable
class LessonSeriesPage(Page):
    """A course of lessons under the column; its page lists the lessons in lesson-number order."""

    intro = models.TextField("系列简介", max_length=500, help_text="在栏目页和系列页上显示，500字以内。")
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("cover_image")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["lessons.LessonColumnPage"]
    subpage_types = ["lessons.LessonPage"]
    template = "lessons/lesson_series_page.html"

    class Meta:
        db_table = "columns_lessonseriespage"  # the table it had in the columns app
        verbose_name = "课程系列"
        verbose_name_plural = "课程系列"

    def lessons(self):
        return LessonPage.objects.child_of(self).live().public().order_by("lesson_number", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = self.lessons()
        return context


class LessonPageForm(WagtailAdminPageForm):
    """Suggests the next free lesson number, and refuses one already used in the series.

    The check lives here because only the form knows the parent series of a lesson not yet created.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("lesson_number")
        if field is None:
            return
        field.widget.attrs["min"] = 1
        field.validators = [
            *(validator for validator in field.validators if not isinstance(validator, MinValueValidator)),
            MinValueValidator(1, LESSON_NUMBER_MESSAGE),
        ]
        if self.parent_page is not None and not self.instance.pk and not self.initial.get("lesson_number"):
            highest = LessonPage.objects.child_of(self.parent_page).aggregate(highest=Max("lesson_number"))["highest"]
            self.initial["lesson_number"] = (highest or 0) + 1

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("lesson_number")
        if number and self.parent_page is not None and lesson_number_taken(self.parent_page, number, self.instance.pk):
            self.add_error("lesson_number", duplicate_lesson_message(number))
        return cleaned_data


class LessonPage(ColumnItem):
    """One lesson of a series: its number, an optional main video or audio, and the text (正文)."""

    lesson_number = models.PositiveSmallIntegerField(
        "课次",
        validators=[MinValueValidator(1, LESSON_NUMBER_MESSAGE)],
        help_text="第几课。同一系列内不能重复，系列页面按课次排列。",
    )
    main_video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name="主视频",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="可选，显示在正文之前。",
    )
    main_audio = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name="主音频",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="可选，没有视频时可放音频讲解。",
    )

    content_panels = [
        *ColumnItem.content_panels[:1],
        MultiFieldPanel(
            [
                FieldPanel("lesson_number"),
                MediaChooserPanel("main_video", media_type="video"),
                MediaChooserPanel("main_audio", media_type="audio"),
            ],
            heading="课程",
        ),
        *ColumnItem.content_panels[1:],
    ]
    search_fields = [*ColumnItem.search_fields, index.FilterField("lesson_number")]

    parent_page_types = ["lessons.LessonSeriesPage"]
    subpage_types = []
    base_form_class = LessonPageForm
    template = "lessons/lesson_page.html"

    class Meta:
        db_table = "columns_lessonpage"  # the table it had in the columns app
        verbose_name = "课程"
        verbose_name_plural = "课程"

    @property
    def lesson_label(self):
        return f"第{self.lesson_number}课"

    def clean(self):
        super().clean()
        errors = {}
        if self.main_video_id and self.main_video.type != "video":
            errors["main_video"] = NOT_A_VIDEO_MESSAGE
        if self.main_audio_id and self.main_audio.type != "audio":
            errors["main_audio"] = NOT_AN_AUDIO_MESSAGE
        if self.main_video_id and self.main_audio_id and not errors:
            errors["main_audio"] = BOTH_MEDIA_MESSAGE
        if self.path and self.lesson_number and lesson_number_taken(self.get_parent(), self.lesson_number, self.pk):
            errors["lesson_number"] = duplicate_lesson_message(self.lesson_number)
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        siblings = LessonPage.objects.sibling_of(self, inclusive=False).live().public()
        context["series"] = self.get_parent()
        context["previous_lesson"] = (
            siblings.filter(lesson_number__lt=self.lesson_number).order_by("-lesson_number").first()
        )
        context["next_lesson"] = siblings.filter(lesson_number__gt=self.lesson_number).order_by("lesson_number").first()
        return context
