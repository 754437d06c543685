"""Error reports (网站纠错) and their handling history.

Deadlines are counted in working days (``portal.workdays``) from the day of
receipt. The defaults follow the national 找错 platform's rule: the 国务院办公厅
《关于开展第一次全国政府网站普查的通知》(国办发〔2015〕15号) set up 我为政府网站找错
and asks the site's sponsor to take up a report within 1 working day and to
fix it and answer within 3 working days; ``FEEDBACK_ACKNOWLEDGE_WORKDAYS`` and
``FEEDBACK_RESOLVE_WORKDAYS`` override them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from intake.models import CitizenRequest, deadline_countdown
from portal.handling import HandlingEvent
from portal.workdays import add_workdays

TRACKING_PREFIX = "JC"
DEFAULT_ACKNOWLEDGE_WORKDAYS = 1
DEFAULT_RESOLVE_WORKDAYS = 3


class ErrorType(models.TextChoices):
    CONTENT = "content", "内容错误（错别字、表述错误、信息有误）"
    OUTDATED = "outdated", "信息未更新或已过时"
    LINK = "link", "链接无法打开或附件无法下载"
    DISPLAY = "display", "页面显示异常"
    SERVICE = "service", "互动或办事功能无法使用"
    ACCESSIBILITY = "accessibility", "无障碍或适老化问题"
    OTHER = "other", "其他问题"


class ReportStatus(models.TextChoices):
    RECEIVED = "received", "待受理"
    ACKNOWLEDGED = "acknowledged", "已受理，正在办理"
    FIXED = "fixed", "已纠正"
    NOT_AN_ERROR = "not_an_error", "经核实无误"


OPEN = (ReportStatus.RECEIVED, ReportStatus.ACKNOWLEDGED)
CLOSED = (ReportStatus.FIXED, ReportStatus.NOT_AN_ERROR)
NEXT_STATUSES = {
    ReportStatus.RECEIVED: (ReportStatus.ACKNOWLEDGED, ReportStatus.FIXED, ReportStatus.NOT_AN_ERROR),
    ReportStatus.ACKNOWLEDGED: (ReportStatus.FIXED, ReportStatus.NOT_AN_ERROR),
    ReportStatus.FIXED: (),
    ReportStatus.NOT_AN_ERROR: (),
}


def acknowledge_workdays():
    return getattr(settings, "FEEDBACK_ACKNOWLEDGE_WORKDAYS", DEFAULT_ACKNOWLEDGE_WORKDAYS)


def resolve_workdays():
    return getattr(settings, "FEEDBACK_RESOLVE_WORKDAYS", DEFAULT_RESOLVE_WORKDAYS)


class ErrorReportQuerySet(models.QuerySet):
    def acknowledge_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=ReportStatus.RECEIVED, acknowledge_deadline__lt=today)

    def resolve_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status__in=OPEN, resolve_deadline__lt=today)

    def public_counts(self):
        """收到 and 已纠正: the figures the public form shows and the annual report reads."""
        return {"received": self.count(), "fixed": self.filter(status=ReportStatus.FIXED).count()}


class ErrorReport(CitizenRequest):
    """One report; the visitor's part is fixed once submitted, staff move it through the statuses."""

    received_at = models.DateTimeField("收到时间", default=timezone.now, editable=False, db_index=True)
    acknowledge_deadline = models.DateField("受理期限", editable=False, db_index=True)
    resolve_deadline = models.DateField("办结期限", editable=False, db_index=True)

    page_url = models.CharField("出错页面地址", max_length=500, editable=False)
    error_type = models.CharField("错误类型", max_length=20, choices=ErrorType.choices, editable=False)
    description = models.TextField("问题描述", max_length=1000, editable=False)
    contact_name = models.CharField("联系人", max_length=30, blank=True, editable=False)
    phone = models.CharField("联系电话", max_length=30, editable=False)
    email = models.EmailField("电子邮箱", blank=True, editable=False)

    status = models.CharField("办理状态", max_length=20, choices=ReportStatus.choices, default=ReportStatus.RECEIVED)
    reply = models.TextField(
        "答复", blank=True, max_length=1000, help_text="办结时填写，报告人凭受理编号和查询码查询时可见。"
    )
    internal_note = models.TextField("内部备注", blank=True, help_text="仅工作人员可见。")
    acknowledged_at = models.DateTimeField("受理时间", null=True, blank=True, editable=False)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True, editable=False, db_index=True)

    objects = ErrorReportQuerySet.as_manager()

    tracking_prefix = TRACKING_PREFIX
    name_field = "contact_name"
    deadline_field = "resolve_deadline"

    class Meta:
        verbose_name = "网站纠错"
        verbose_name_plural = "网站纠错"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return self.tracking_number

    def save(self, *args, **kwargs):
        if self.acknowledge_deadline is None:
            self.acknowledge_deadline = add_workdays(self.received_at, acknowledge_workdays())
        if self.resolve_deadline is None:
            self.resolve_deadline = add_workdays(self.received_at, resolve_workdays())
        if self.status != ReportStatus.RECEIVED and self.acknowledged_at is None:
            self.acknowledged_at = timezone.now()
        if self.status in CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_acknowledge_overdue(self):
        return self.status == ReportStatus.RECEIVED and timezone.localdate() > self.acknowledge_deadline

    @property
    def is_resolve_overdue(self):
        return self.status in OPEN and timezone.localdate() > self.resolve_deadline

    def deadline_label(self):
        """What the queue shows next to the deadlines: the first one still running or missed."""
        if self.status in CLOSED:
            return "已办结"
        today = timezone.localdate()
        if self.status == ReportStatus.RECEIVED:
            if today > self.acknowledge_deadline:
                return f"受理已超期{(today - self.acknowledge_deadline).days}天"
            if today == self.acknowledge_deadline:
                return "今天须受理"
        return deadline_countdown(self.resolve_deadline, today, overdue="办结已超期")


class ErrorReportEvent(HandlingEvent):
    """One step; ``note`` is what the reporter reads when querying, the user is for staff only."""

    report = models.ForeignKey(ErrorReport, verbose_name="网站纠错", on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField("原状态", max_length=20, choices=ReportStatus.choices, blank=True)
    to_status = models.CharField("新状态", max_length=20, choices=ReportStatus.choices)
    note = models.TextField("说明", blank=True)

    class Meta(HandlingEvent.Meta):
        verbose_name = "网站纠错办理记录"
        verbose_name_plural = "网站纠错办理记录"

    def __str__(self):
        return f"{self.report.tracking_number}: {self.get_to_status_display()}"
