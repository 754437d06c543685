"""What the review leaves behind: which unit reported an item, signatures, check reports and
post-publication confirmations. Together with Wagtail's task states they make the 信息报送审批单."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from portal.storage import private_storage

from ..people import person_label


class ReportedItem(models.Model):
    """Links a page to the reporting unit (and correspondent) that drafted it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name="信息",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="reported_item",
    )
    unit = models.ForeignKey(
        "review.ReportingUnit", verbose_name="报送单位", on_delete=models.PROTECT, related_name="reported_items"
    )
    correspondent = models.ForeignKey(
        "review.UnitMember",
        verbose_name="信息员",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reported_items",
    )
    created_at = models.DateTimeField("报送时间", default=timezone.now)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="代录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="办公室根据报送单位的纸质材料代为录入时，录入的工作人员。",
    )

    class Meta:
        verbose_name = "报送信息"
        verbose_name_plural = "报送信息"

    def __str__(self):
        return f"{self.page.title}（{self.unit.name}）"


def scan_path(instance, filename):
    """A random name; the office's file name is never a path. The extension is the one the content check
    found: ``review.office_entry`` names the upload after it before saving."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"review/signatures/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Signature(models.Model):
    """A unit leader's signature on one task state: the password was re-entered when it was made
    (``METHOD_ONLINE``), or, for an item the office entered from paper, the office uploaded a scan of the
    paper form the leader signed (``METHOD_SCAN``). Either covers exactly ``revision``."""

    METHOD_ONLINE = "online"
    METHOD_SCAN = "scan"
    METHOD_CHOICES = [(METHOD_ONLINE, "在线签字"), (METHOD_SCAN, "纸质签字扫描件")]

    task_state = models.OneToOneField(
        "wagtailcore.TaskState", verbose_name="审核步骤", on_delete=models.CASCADE, related_name="signature"
    )
    page = models.ForeignKey("wagtailcore.Page", verbose_name="信息", on_delete=models.CASCADE, related_name="+")
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="签字人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField("签字人姓名", max_length=100)
    signed_at = models.DateTimeField("签字时间", default=timezone.now)
    comment = models.TextField("签字意见", blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="签字版本",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)
    method = models.CharField("签字方式", max_length=10, choices=METHOD_CHOICES, default=METHOD_ONLINE)
    scan = models.FileField("签字扫描件", storage=private_storage, upload_to=scan_path, blank=True, max_length=200)
    scan_content_type = models.CharField("扫描件类型", max_length=50, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="上传人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "领导签字"
        verbose_name_plural = "领导签字"
        ordering = ["signed_at"]

    def __str__(self):
        return f"{self.signer_name} {self.signed_at:%Y-%m-%d %H:%M}"

    @property
    def is_scan(self):
        return self.method == self.METHOD_SCAN

    @property
    def summary(self):
        """How the 审批单 records it: an online signature, or the scan with who uploaded it and when."""
        at = timezone.localtime(self.signed_at).strftime("%Y-%m-%d %H:%M")
        if self.is_scan:
            return f"纸质签字扫描件：{self.signer_name}签字，{person_label(self.uploaded_by)}于{at}上传"
        return f"签字：{self.signer_name}　{at}（已验证密码）"


class CheckReport(models.Model):
    """The automatic findings a checker saw when passing 录入后检查, and the written reason for any override."""

    task_state = models.ForeignKey(
        "wagtailcore.TaskState", verbose_name="审核步骤", on_delete=models.CASCADE, related_name="check_reports"
    )
    page = models.ForeignKey("wagtailcore.Page", verbose_name="信息", on_delete=models.CASCADE, related_name="+")
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="检查人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField("检查时间", default=timezone.now)
    findings = models.JSONField("检查结果", default=list)
    override_reason = models.TextField("放行理由", blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="检查版本",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "录入后检查记录"
        verbose_name_plural = "录入后检查记录"
        ordering = ["checked_at"]

    def __str__(self):
        return f"{self.page.title}：{len(self.findings)}项检查结果"

    @property
    def blocking_findings(self):
        return [finding for finding in self.findings if finding.get("level") == "blocking"]

    @property
    def overridden(self):
        return bool(self.blocking_findings)


class PostPublicationCheck(models.Model):
    """The reporting unit's confirmation (发布后复查) of one publication of its item."""

    STATUS_PENDING = "pending"
    STATUS_CONFIRMED = "confirmed"
    STATUS_ERROR = "error"
    STATUS_CORRECTED = "corrected"
    STATUS_CHOICES = [
        (STATUS_PENDING, "待复查"),
        (STATUS_CONFIRMED, "已确认无误"),
        (STATUS_ERROR, "已报告错误，待更正"),
        (STATUS_CORRECTED, "已更正并重新发布"),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="信息", on_delete=models.CASCADE, related_name="post_publication_checks"
    )
    unit = models.ForeignKey(
        "review.ReportingUnit",
        verbose_name="报送单位",
        on_delete=models.CASCADE,
        related_name="post_publication_checks",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name="发布版本", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    due_date = models.DateField("复查期限")
    status = models.CharField("状态", max_length=20, choices=STATUS_CHOICES, default=STATUS_PENDING, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField("处理时间", null=True, blank=True)
    error_description = models.TextField("错误描述", blank=True)
    withdrawn = models.BooleanField("已撤下", default=False)

    class Meta:
        verbose_name = "发布后复查"
        verbose_name_plural = "发布后复查"
        ordering = ["due_date", "pk"]

    def __str__(self):
        return f"{self.page.title}：{self.get_status_display()}"

    @property
    def is_overdue(self):
        return self.status == self.STATUS_PENDING and self.due_date < timezone.localdate()
