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
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from columns.demo_images import ensure_demo_image
from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

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

    subpage_types = ["columns.LessonSeriesPage"]
    template = "columns/lesson_column_page.html"

    class Meta:
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

    def seed_demo(self):
        series = LessonSeriesPage.objects.child_of(self).filter(slug=DEMO_SERIES["slug"]).first()
        if series is None:
            series = LessonSeriesPage(
                title=DEMO_SERIES["title"],
                slug=DEMO_SERIES["slug"],
                intro=DEMO_SERIES["intro"],
                cover_image=ensure_demo_image(f"示范图片：{DEMO_SERIES['title']}", DEMO_SERIES["slug"], 960, 540),
            )
            self.add_child(instance=series)
            series.save_revision().publish()
        now = timezone.now()
        for spec in DEMO_LESSONS:
            if LessonPage.objects.child_of(series).filter(slug=spec["slug"]).exists():
                continue
            lesson = LessonPage(
                title=spec["title"],
                slug=spec["slug"],
                lesson_number=spec["number"],
                publish_date=now - timedelta(days=30 - 7 * spec["number"]),
                summary=spec["summary"],
                source="清江市委政法委",
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
            )
            series.add_child(instance=lesson)
            lesson.save_revision().publish()


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

    parent_page_types = ["columns.LessonColumnPage"]
    subpage_types = ["columns.LessonPage"]
    template = "columns/lesson_series_page.html"

    class Meta:
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

    parent_page_types = ["columns.LessonSeriesPage"]
    subpage_types = []
    base_form_class = LessonPageForm
    template = "columns/lesson_page.html"

    class Meta:
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


DEMO_SERIES = {
    "slug": "shibie-xiejiao",
    "title": "识别邪教 远离邪教",
    "intro": "三节短课，讲清邪教的常见特征、骗人套路和遇到邪教宣传时怎么办，适合社区、学校集中学习。",
}

DEMO_LESSONS = [
    {
        "slug": "xiejiao-tezheng",
        "number": 1,
        "title": "邪教的基本特征",
        "summary": "神化首要分子、宣扬歪理邪说、精神控制、聚敛钱财，是邪教组织的共同特征。",
        "paragraphs": [
            "邪教组织冒用宗教、气功或者其他名义建立，神化首要分子，利用制造、散布迷信邪说等手段蛊惑、蒙骗他人，发展、控制成员，危害社会。",
            "它们往往以“消灾祛病”“末日来临”吓唬人，切断信徒与家人的联系，再以“奉献”为名索要钱财。",
        ],
    },
    {
        "slug": "pianren-taolu",
        "number": 2,
        "title": "邪教骗人的常见套路",
        "summary": "从“免费义诊”“读书会”拉近关系，再一步步灌输邪说、要求保密和捐款。",
        "paragraphs": [
            "柳湾乡曾有村民被“免费健康讲座”吸引，几次活动后被要求“入会保平安”，并交纳所谓会费。",
            "凡是宣扬信了就能治病、不用吃药、要与家人断绝往来的，都要高度警惕。",
        ],
    },
    {
        "slug": "yudao-zenmeban",
        "number": 3,
        "title": "遇到邪教宣传怎么办",
        "summary": "不听、不信、不传，及时向村（社区）或公安机关报告。",
        "paragraphs": [
            "收到邪教传单、音像制品或网络链接，不要转发传播，可交给村（社区）干部或就近派出所处理。",
            "发现亲友受到邪教蒙骗，要多关心陪伴，必要时请社区网格员和反邪教志愿者一起帮助劝导。",
        ],
    },
]
