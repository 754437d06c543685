"""The site identity every public page shows in its footer, and the shared calendar and serial-number tables."""

from django.core.validators import RegexValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .background.models import WorkerHeartbeat
from .notify.models import ChannelKind, OutboxMessage, OutboxStatus
from .validators import validate_phone

__all__ = [
    "ChannelKind",
    "OutboxMessage",
    "OutboxStatus",
    "SerialCounter",
    "SiteIdentity",
    "WorkdayAdjustment",
    "WorkerHeartbeat",
]

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
