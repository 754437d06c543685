"""The formal 通报 (document number, issuing body, distribution, frozen content and files) and the
follow-up of each 约谈 it orders. Imported by ``assessment.models``."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from portal.storage import private_storage
from review.models import ReportingUnit

DEFAULT_PATTERN = "清政法〔{year}〕{seq}号"
DEFAULT_DISTRIBUTION = "\n".join(
    ["市委、市人大常委会、市政府、市政协领导", "各乡镇党委、政法委员", "市委政法委各成员单位", "市直各有关单位"]
)


def validate_number_pattern(value):
    if "{year}" not in value or "{seq}" not in value:
        raise ValidationError("文号格式须同时包含{year}（年份）和{seq}（序号），例如：清政法〔{year}〕{seq}号。")
    try:
        value.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError):
        raise ValidationError("文号格式只能使用{year}和{seq}两个占位符。") from None


@register_setting(icon="doc-full")
class TongbaoSettings(BaseGenericSetting):
    """What every new 通报 starts with; each 通报 may change its own copy before it is issued."""

    number_pattern = models.CharField(
        "文号格式",
        max_length=60,
        default=DEFAULT_PATTERN,
        validators=[validate_number_pattern],
        help_text="{year}为年份，{seq}为当年序号（每年从1开始），例如：清政法〔{year}〕{seq}号。",
    )
    issuing_body = models.CharField("发文机关", max_length=100, default="中共市委政法委员会")
    distribution = models.TextField(
        "报送/抄送",
        default=DEFAULT_DISTRIBUTION,
        help_text="每行一个，如市四套班子领导、各单位；通报正文后列出。",
    )

    panels = [FieldPanel("number_pattern"), FieldPanel("issuing_body"), FieldPanel("distribution")]

    class Meta:
        verbose_name = "考核通报文件"


class Tongbao(models.Model):
    """A 通报 of one period. A draft follows the live figures; issuing numbers it, freezes its content
    (``data``) and keeps the PDF, .docx and Excel exactly as issued."""

    STATUS_DRAFT = "draft"
    STATUS_ISSUED = "issued"
    STATUS_CHOICES = [(STATUS_DRAFT, "草稿"), (STATUS_ISSUED, "已印发")]

    period_kind = models.CharField("考核周期", max_length=10)
    period_key = models.CharField("期次", max_length=20)
    title = models.CharField("标题", max_length=200)
    issuing_body = models.CharField("发文机关", max_length=100)
    number_pattern = models.CharField("文号格式", max_length=60, validators=[validate_number_pattern])
    distribution = models.TextField("报送/抄送", blank=True, help_text="每行一个。")
    issue_date = models.DateField("印发日期", default=timezone.localdate)
    status = models.CharField("状态", max_length=10, choices=STATUS_CHOICES, default=STATUS_DRAFT)
    year = models.PositiveIntegerField("文号年份", null=True, editable=False)
    seq = models.PositiveIntegerField("文号序号", null=True, editable=False)
    number = models.CharField("文号", max_length=60, blank=True, editable=False)
    data = models.JSONField("通报内容", default=dict, editable=False)
    pdf_file = models.FileField("PDF", storage=private_storage, upload_to="assessment/tongbao/", blank=True)
    docx_file = models.FileField("Word", storage=private_storage, upload_to="assessment/tongbao/", blank=True)
    xlsx_file = models.FileField("Excel", storage=private_storage, upload_to="assessment/tongbao/", blank=True)
    notice = models.ForeignKey(
        "wagtailcore.Page", verbose_name="通知公告", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="生成人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    issued_at = models.DateTimeField("印发时间", null=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="印发人", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "正式通报"
        verbose_name_plural = "正式通报"
        ordering = ["-created_at", "-pk"]
        permissions = [("issue_tongbao", "可以印发考核通报")]
        constraints = [
            models.UniqueConstraint(fields=["year", "seq"], name="assessment_tongbao_unique_number"),
        ]

    def __str__(self):
        return f"{self.number or '（未编号）'} {self.title}"

    @property
    def issued(self):
        return self.status == self.STATUS_ISSUED

    @property
    def distribution_lines(self):
        return [line.strip() for line in self.distribution.splitlines() if line.strip()]


class InterviewFollowUp(models.Model):
    """One unit on a 通报's 约谈 list: when the talk was held, who attended, what was agreed and by when."""

    tongbao = models.ForeignKey(Tongbao, verbose_name="通报", on_delete=models.PROTECT, related_name="followups")
    unit = models.ForeignKey(ReportingUnit, verbose_name="约谈单位", on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("约谈日期", null=True, blank=True)
    attendees = models.TextField("参加人员", blank=True)
    agreed = models.TextField("整改要求", blank=True, help_text="约谈中商定的整改措施。")
    due = models.DateField("整改期限", null=True, blank=True)
    closed_on = models.DateField("整改完成日期", null=True, blank=True)
    remarks = models.TextField("备注", blank=True)

    panels = [
        FieldPanel("held_on"),
        FieldPanel("attendees"),
        FieldPanel("agreed"),
        FieldPanel("due"),
        FieldPanel("closed_on"),
        FieldPanel("remarks"),
    ]

    class Meta:
        verbose_name = "约谈跟进"
        verbose_name_plural = "约谈跟进"
        ordering = ["-tongbao__issue_date", "unit__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["tongbao", "unit"], name="assessment_followup_unique_unit")]

    def __str__(self):
        return f"{self.unit}（{self.tongbao.number}）"

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.held_on and self.held_on > today:
            errors["held_on"] = "约谈日期不能晚于今天。"
        if self.held_on and self.due and self.due < self.held_on:
            errors["due"] = "整改期限不能早于约谈日期。"
        if self.closed_on and self.closed_on > today:
            errors["closed_on"] = "整改完成日期不能晚于今天。"
        if self.closed_on and self.held_on and self.closed_on < self.held_on:
            errors["closed_on"] = "整改完成日期不能早于约谈日期。"
        if (self.agreed.strip() or self.due) and not self.held_on:
            errors["held_on"] = "请先填写约谈日期。"
        if self.held_on and not self.attendees.strip():
            errors["attendees"] = "请填写参加约谈的人员。"
        if errors:
            raise ValidationError(errors)

    @property
    def overdue(self):
        return self.closed_on is None and self.due is not None and self.due < timezone.localdate()
