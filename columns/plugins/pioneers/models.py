"""法治先锋: profiles of exemplary people and teams of the political and legal system.

A profile is a column item whose title is the person's or team's name and
whose body (正文) tells their deeds; the honours are structured rows so that
the listing can show each profile's latest honour.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import register_column

KIND_CHOICES = [("individual", "个人"), ("collective", "集体")]
FIRST_HONOUR_YEAR = 1949
PHOTO_REQUIRED_MESSAGE = "请选择照片：个人请用工作照，集体请用合影。"


def honour_year_message():
    return f"年份应在{FIRST_HONOUR_YEAR}年至{timezone.localdate().year}年之间。"


@register_column
class PioneerColumnPage(ColumnPage):
    """Lists profiles as cards, filterable by 个人/集体 through the GET parameter ``kind``."""

    column_name = "法治先锋"
    default_slug = "fzxf"
    icon = "user"
    update_interval = timedelta(days=90)
    planned = True
    items_per_page = 12

    subpage_types = ["pioneers.PioneerProfilePage"]
    template = "pioneers/pioneer_column_page.html"

    class Meta:
        db_table = "columns_pioneercolumnpage"  # the table it had in the columns app
        verbose_name = "法治先锋栏目"
        verbose_name_plural = "法治先锋栏目"

    def profiles(self):
        return (
            PioneerProfilePage.objects.live()
            .public()
            .filter(listed_now(), column=self)
            .select_related("photo")
            .prefetch_related("honours")
            .order_by("-publish_date", "-pk")
        )

    def active_kind(self, request):
        """The 个人/集体 filter asked for; unknown kinds are ignored, never an error."""
        kind = request.GET.get("kind")
        return kind if kind in dict(KIND_CHOICES) else None

    def listing_items(self, request):
        kind = self.active_kind(request)
        profiles = self.profiles()
        return profiles.filter(kind=kind) if kind else profiles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = self.active_kind(request)
        context["kinds"] = KIND_CHOICES
        context["active_kind"] = kind
        context["active_kind_label"] = dict(KIND_CHOICES).get(kind)
        context["query_suffix"] = f"&{urlencode({'kind': kind})}" if kind else ""
        return context


class PioneerProfileForm(WagtailAdminPageForm):
    """Names the inherited title and body for what they hold here: the name and the deeds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].label = "姓名或集体名称"
        if "body" in self.fields:
            self.fields["body"].label = "先进事迹"
        if "photo" in self.fields:
            self.fields["photo"].error_messages["required"] = PHOTO_REQUIRED_MESSAGE


class PioneerProfilePage(ColumnItem):
    """An exemplary person or team: photo, unit, position, deeds (正文) and honours."""

    kind = models.CharField("类型", max_length=10, choices=KIND_CHOICES, default="individual")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="照片",
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="必填。替代文字自动使用姓名或集体名称。",
    )
    unit = models.CharField("工作单位", max_length=100)
    position = models.CharField("职务", max_length=100, blank=True, help_text="集体可留空。")

    content_panels = [
        *ColumnItem.content_panels[:1],
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("unit"), FieldPanel("position")]),
                FieldPanel("photo"),
            ],
            heading="基本情况",
        ),
        InlinePanel("honours", label="荣誉", heading="所获荣誉"),
        *ColumnItem.content_panels[1:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.SearchField("unit"),
        index.SearchField("position"),
        index.FilterField("kind"),
    ]

    subpage_types = []
    base_form_class = PioneerProfileForm
    template = "pioneers/pioneer_profile_page.html"

    class Meta:
        db_table = "columns_pioneerprofilepage"  # the table it had in the columns app
        verbose_name = "先锋人物（集体）"
        verbose_name_plural = "先锋人物（集体）"

    def latest_honour(self):
        """The most recent honour by year; among honours of one year, the one listed last."""
        honours = list(self.honours.all())
        if not honours:
            return None
        return max(enumerate(honours), key=lambda pair: (pair[1].year, pair[0]))[1]


class PioneerHonour(Orderable):
    """One honour of a profile, in the order the editor lists them."""

    page = ParentalKey(PioneerProfilePage, on_delete=models.CASCADE, related_name="honours")
    year = models.PositiveSmallIntegerField("年份", help_text="获得荣誉的年份，例如：2024。")
    title = models.CharField("荣誉名称", max_length=100, help_text="例如：全省优秀人民调解员")

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        db_table = "columns_pioneerhonour"  # the table it had in the columns app
        verbose_name = "荣誉"
        verbose_name_plural = "荣誉"

    def clean(self):
        super().clean()
        if self.year is not None and not FIRST_HONOUR_YEAR <= self.year <= timezone.localdate().year:
            raise ValidationError({"year": honour_year_message()})
