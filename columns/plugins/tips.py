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

    subpage_types = ["columns.TipPage"]
    template = "columns/tip_column_page.html"

    class Meta:
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

    def seed_demo(self):
        now = timezone.now()
        today = timezone.localdate(now)
        for spec in DEMO_TIPS:
            if TipPage.objects.child_of(self).filter(slug=spec["slug"]).exists():
                continue
            published = now - timedelta(days=spec["days_ago"])
            valid_from = timezone.localdate(published)
            tip = TipPage(
                title=spec["title"],
                slug=spec["slug"],
                publish_date=published,
                category=spec["category"],
                valid_from=valid_from,
                valid_until=today + timedelta(days=spec["valid_days"]) if spec["valid_days"] is not None else None,
                summary=spec["summary"],
                source=spec["source"],
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
            )
            self.add_child(instance=tip)
            tip.save_revision().publish()


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
    template = "columns/tip_page.html"

    class Meta:
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


DEMO_TIPS = [
    {
        "slug": "qingming-jiaotong",
        "title": "清明假期出行提示：青石镇祭扫高峰路段请错峰通行",
        "category": "travel",
        "days_ago": 2,
        "valid_days": 20,
        "source": "清江市公安局交警支队",
        "summary": "假期上午8时至11时，青石镇公墓周边道路车流集中，建议错峰出行、拼车前往。",
        "paragraphs": [
            "清明假期期间，青石镇公墓、柳湾乡长岭公墓周边道路预计在上午8时至11时出现车流高峰。",
            "请市民尽量错峰祭扫，优先选择公交专线或拼车出行；文明祭扫，严禁在山林周边焚烧纸钱、燃放鞭炮。",
            "出行前可关注“清江交警”发布的实时路况信息。",
        ],
    },
    {
        "slug": "jinggang-shuadan",
        "title": "“刷单返利”都是诈骗，一律不要相信",
        "category": "fraud",
        "days_ago": 6,
        "valid_days": None,
        "source": "清江市反诈中心",
        "summary": "先给小额返利、再诱导大额垫付，是刷单诈骗的惯用套路。",
        "paragraphs": [
            "近期，河西街道多名居民接到“兼职刷单、日结佣金”的信息，前几单返还小额佣金后，被要求连续垫付大额资金。",
            "所有要求先垫付资金的刷单兼职都是诈骗。遇到可疑情况，请立即拨打110或反诈专线96110咨询。",
        ],
    },
    {
        "slug": "laodong-hetong",
        "title": "入职一个月内未签书面劳动合同怎么办？",
        "category": "law",
        "days_ago": 12,
        "valid_days": None,
        "source": "清江市司法局",
        "summary": "用人单位自用工之日起超过一个月不满一年未订立书面劳动合同的，应当向劳动者每月支付二倍工资。",
        "paragraphs": [
            "建立劳动关系，应当订立书面劳动合同。用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
            "遇到劳动纠纷，可以到所在乡镇（街道）公共法律服务站咨询，或拨打12348公共法律服务热线。",
        ],
    },
    {
        "slug": "shenfenzheng-huanling",
        "title": "五一假期户籍窗口调整办公时间",
        "category": "errand",
        "days_ago": 1,
        "valid_days": 10,
        "source": "清江市公安局人口管理支队",
        "summary": "假期期间市民中心户籍窗口上午9时至12时开放，可办理临时身份证明和身份证换领。",
        "paragraphs": [
            "五一假期期间，清江市民中心户籍窗口每天上午9时至12时开放，可办理临时身份证明、居民身份证换领和补领。",
            "其他业务请在假期结束后办理，或通过“清江政务服务”网上办理。",
        ],
    },
]
