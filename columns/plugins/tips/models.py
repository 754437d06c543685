"""便民提示: short practical tips with a category and a validity period.

A tip whose validity has run out must stop being advertised without anyone
unpublishing it, but its page stays reachable (people follow old links and
shares). ``TipPage.save()`` therefore turns 有效期至 into ``listed_until``,
which every listing already filters on, and the page itself says it expired.
"""

from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import register_column

TIP_CATEGORIES = [
    ("travel", "出行安全"),
    ("fraud", "防范诈骗"),
    ("law", "法律常识"),
    ("errand", "办事提醒"),
    ("other", "其他"),
]

VALID_UNTIL_BEFORE_FROM_MESSAGE = "有效期截止日期不能早于开始日期。"
VALID_UNTIL_BEFORE_PUBLISH_MESSAGE = "有效期截止日期不能早于发布时间。"


def end_of_local_day(day):
    """The first moment after ``day`` in the site's time zone (Asia/Shanghai), or None for no day.

    Tips expire at local midnight whatever time zone the server or a request uses.
    """
    if day is None:
        return None
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=timezone.get_default_timezone())


@register_column
class TipColumnPage(ColumnPage):
    """Lists the tips still valid, filterable by category through the GET parameter ``category``."""

    column_name = "便民提示"
    default_slug = "bmts"
    icon = "info-circle"
    update_interval = timedelta(days=30)
    planned = True

    subpage_types = ["tips.TipPage"]
    template = "tips/tip_column_page.html"

    class Meta:
        db_table = "columns_tipcolumnpage"  # the table it had in the columns app
        verbose_name = "便民提示栏目"
        verbose_name_plural = "便民提示栏目"

    def tips(self):
        return TipPage.objects.live().public().filter(listed_now(), column=self).order_by("-publish_date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        category = request.GET.get("category")
        labels = dict(TIP_CATEGORIES)
        if category not in labels:
            category = None  # unknown categories are ignored, never an error
        tips = self.tips()
        if category:
            tips = tips.filter(category=category)
        context["items_page"] = Paginator(tips, self.items_per_page).get_page(request.GET.get("page"))
        context["categories"] = TIP_CATEGORIES
        context["active_category"] = category
        context["active_category_label"] = labels.get(category)
        context["query_suffix"] = f"&{urlencode({'category': category})}" if category else ""
        return context


class TipPage(ColumnItem):
    """A short tip; once 有效期至 has passed it leaves listings by itself and its page says so."""

    category = models.CharField("提示类别", max_length=10, choices=TIP_CATEGORIES, default="other")
    valid_from = models.DateField("有效期起", default=timezone.localdate)
    valid_until = models.DateField(
        "有效期至",
        null=True,
        blank=True,
        help_text="过了这一天，提示自动离开栏目列表和首页，页面仍可访问并标明“已过期”。留空表示长期有效。",
    )

    content_panels = [
        *ColumnItem.content_panels[:1],
        FieldRowPanel(
            [FieldPanel("category"), FieldPanel("valid_from"), FieldPanel("valid_until")], heading="类别与有效期"
        ),
        *ColumnItem.content_panels[1:],
    ]
    search_fields = [*ColumnItem.search_fields, index.FilterField("category")]

    subpage_types = []
    template = "tips/tip_page.html"

    class Meta:
        db_table = "columns_tippage"  # the table it had in the columns app
        verbose_name = "便民提示"
        verbose_name_plural = "便民提示"

    def clean(self):
        super().clean()
        if not self.valid_until:
            return
        if self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": VALID_UNTIL_BEFORE_FROM_MESSAGE})
        if self.publish_date and self.valid_until < timezone.localdate(self.publish_date):
            raise ValidationError({"valid_until": VALID_UNTIL_BEFORE_PUBLISH_MESSAGE})

    def save(self, *args, **kwargs):
        self.listed_until = end_of_local_day(self.valid_until)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "valid_until" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listed_until"}
        super().save(*args, **kwargs)

    @property
    def is_expired(self):
        """Computed from the date rather than ``listed_until`` so that previews of unsaved edits are right too."""
        return self.valid_until is not None and timezone.now() >= end_of_local_day(self.valid_until)
