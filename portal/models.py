"""The home page and the site identity every public page shows in its footer."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import RowNumber

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import get_column_types

from .validators import validate_phone

MAX_BANNER_SLIDES = 5

postcode_validator = RegexValidator(r"^\d{6}$", "邮政编码应为6位数字。")
site_code_validator = RegexValidator(r"^[0-9A-Za-z]{10}$", "网站标识码应为10位数字或字母。")


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """What a Chinese government site must show about itself (政府网站发展指引)."""

    site_name = models.CharField("网站名称", max_length=100, default="中共某市委政法委员会")
    city_short_name = models.CharField(
        "城市简称", max_length=10, default="某市", help_text="用于栏目名称，例如“法治某市”“平安某市”。"
    )
    sponsor = models.CharField("主办单位", max_length=100, default="中共某市委政法委员会")
    organizer = models.CharField("承办单位", max_length=100, blank=True, default="中共某市委政法委员会办公室")
    site_code = models.CharField("网站标识码", max_length=10, blank=True, validators=[site_code_validator])
    icp_number = models.CharField("ICP备案号", max_length=50, blank=True, help_text="例如：京ICP备12345678号")
    icp_link = models.URLField("ICP备案查询链接", blank=True, default="https://beian.miit.gov.cn/")
    police_record_number = models.CharField("公安机关备案号", max_length=50, blank=True)
    police_record_link = models.URLField("公安机关备案链接", blank=True)
    party_gov_label_link = models.URLField("党政机关网站标识链接", blank=True)
    address = models.CharField("联系地址", max_length=200, blank=True)
    postcode = models.CharField("邮编", max_length=6, blank=True, validators=[postcode_validator])
    phone = models.CharField("联系电话", max_length=30, blank=True, validators=[validate_phone])
    error_report_link = models.URLField(
        "网站纠错链接",
        blank=True,
        default="https://zfwzzc.www.gov.cn/",
        help_text="全国政府网站找错平台或本站纠错页面。",
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("city_short_name")], heading="网站"),
        MultiFieldPanel([FieldPanel("sponsor"), FieldPanel("organizer")], heading="主办与承办"),
        MultiFieldPanel(
            [
                FieldPanel("site_code"),
                FieldPanel("icp_number"),
                FieldPanel("icp_link"),
                FieldPanel("police_record_number"),
                FieldPanel("police_record_link"),
                FieldPanel("party_gov_label_link"),
                FieldPanel("error_report_link"),
            ],
            heading="备案与标识",
        ),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("postcode"), FieldPanel("phone")], heading="联系方式"),
    ]

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"


class HomePage(Page):
    """The front page: banner, latest items per chosen column, notices and service entries."""

    notice_column = models.ForeignKey(
        ColumnPage,
        verbose_name="通知公告栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice_count = models.PositiveSmallIntegerField(
        "通知公告条数", default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    content_panels = [
        *Page.content_panels,
        InlinePanel("banner_slides", heading="首页横幅", label="横幅", max_num=MAX_BANNER_SLIDES),
        InlinePanel("column_slots", heading="首页栏目", label="栏目"),
        MultiFieldPanel(
            [PageChooserPanel("notice_column", page_type="notices.NoticeColumnPage"), FieldPanel("notice_count")],
            heading="通知公告",
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "portal/home_page.html"

    class Meta:
        verbose_name = "首页"
        verbose_name_plural = "首页"

    @classmethod
    def clean_subpage_models(cls):
        """Every registered column type may be created under the home page."""
        return get_column_types()

    def clean(self):
        super().clean()
        slides = [slide for slide in self.banner_slides.all() if not getattr(slide, "DELETE", False)]
        if len(slides) > MAX_BANNER_SLIDES:
            raise ValidationError(f"首页横幅最多 {MAX_BANNER_SLIDES} 张。")

    def latest_items(self, column_counts):
        """The newest live items of each column, ``{column_id: [item, …]}``, in one query.

        A window function numbers items within each column so that the number of
        queries stays the same however many columns and items there are.
        """
        if not column_counts:
            return {}
        ranked = (
            ColumnItem.objects.live()
            .public()
            .filter(listed_now(), column_id__in=column_counts)
            .annotate(
                rank=Window(
                    RowNumber(), partition_by=[F("column_id")], order_by=[F("publish_date").desc(), F("pk").desc()]
                )
            )
            .filter(rank__lte=max(column_counts.values()))
            .only("id", "title", "url_path", "publish_date", "column_id", "locale_id", "path", "depth")
            .order_by("column_id", "rank")
        )
        grouped = {column_id: [] for column_id in column_counts}
        for item in ranked:
            if len(grouped[item.column_id]) < column_counts[item.column_id]:
                grouped[item.column_id].append(item)
        return grouped

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slots = list(self.column_slots.select_related("column").filter(column__live=True))
        counts = {slot.column_id: slot.count for slot in slots}
        if self.notice_column_id:
            counts[self.notice_column_id] = max(counts.get(self.notice_column_id, 0), self.notice_count)
        items = self.latest_items(counts)
        context["column_blocks"] = [(slot, items.get(slot.column_id, [])) for slot in slots]
        context["notices"] = items.get(self.notice_column_id, [])[: self.notice_count] if self.notice_column_id else []
        context["banner_slides"] = list(
            self.banner_slides.select_related("image", "link_page").prefetch_related("image__renditions")
        )
        return context


class HomeBannerSlide(Orderable):
    """One slide of the home banner: a slogan over an image, optionally linked."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="banner_slides")
    image = models.ForeignKey("wagtailimages.Image", verbose_name="图片", on_delete=models.CASCADE, related_name="+")
    title = models.CharField("标语", max_length=40)
    subtitle = models.CharField("副标题", max_length=80, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="链接页面", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.URLField("外部链接", blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("title"),
        FieldPanel("subtitle"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "首页横幅"
        verbose_name_plural = "首页横幅"

    def clean(self):
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "链接页面和外部链接只能填写一个。"})

    @property
    def link(self):
        return self.link_page.url if self.link_page_id else self.link_url


class HomeColumnSlot(Orderable):
    """A column shown on the home page with its latest items."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="column_slots")
    column = models.ForeignKey(ColumnPage, verbose_name="栏目", on_delete=models.CASCADE, related_name="+")
    count = models.PositiveSmallIntegerField(
        "显示条数", default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    panels = [PageChooserPanel("column", page_type="columns.ColumnPage"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        verbose_name = "首页栏目"
        verbose_name_plural = "首页栏目"


class WorkdayAdjustment(models.Model):
    """A day that differs from the official calendar the ``chinese-calendar`` package ships.

    The State Council announces each year's holidays and adjusted working days
    (调休) in the preceding November; until the package carries a year, or when
    a local holiday applies, operators enter the days here and every deadline
    in the portal follows at once.
    """

    date = models.DateField("日期", unique=True)
    is_workday = models.BooleanField("是否工作日", help_text="勾选：当天上班（如调休补班）；不勾选：当天放假。")
    reason = models.CharField("说明", max_length=100, blank=True, help_text="例如：2027年春节调休。")

    class Meta:
        verbose_name = "工作日调整"
        verbose_name_plural = "工作日调整"
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {'上班' if self.is_workday else '放假'}"


class SerialCounter(models.Model):
    """The last number handed out in a series (letters, requests, index numbers), per key such as ``XX2026``."""

    key = models.CharField(max_length=50, unique=True)
    value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "编号计数器"
        verbose_name_plural = "编号计数器"

    def __str__(self):
        return f"{self.key}: {self.value}"
