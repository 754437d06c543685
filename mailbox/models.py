"""书记信箱 data: letters, their history, attachments and deadline extensions.

Letters are forwarded to units of the one shared list (``review.ReportingUnit`` with
``handles_letters``); a unit's ``letter_handlers`` draft the replies.

A letter moves through::

    待受理 ─受理→ 已受理 ─转办→ 办理中 ─起草答复→ 待审核 ─审核通过→ 已答复
       └───────────┴─不予受理（理由告知来信人）            └─退回修改→ 办理中

Its reply deadline is ``MAILBOX_REPLY_WORKDAYS`` working days after receipt
and moves only when a leader approves an extension. "Answered" means the
writer has been told the outcome: a published reply, or a refusal with its
reason. The writer's name, phone and e-mail are for staff only.
"""

import calendar
import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from intake.masking import mask_phone
from intake.models import CitizenRequest
from portal.handling import HandlingEvent
from portal.storage import private_storage
from review.models import ReportingUnit


class Category(models.TextChoices):
    COMPLAINT = "complaint", "投诉"
    REPORT = "report", "举报"
    CONSULT = "consult", "咨询"
    SUGGESTION = "suggestion", "建议"
    HELP = "help", "求助"


class Status(models.TextChoices):
    SUBMITTED = "submitted", "待受理"
    ACCEPTED = "accepted", "已受理"
    FORWARDED = "forwarded", "办理中"
    DRAFTED = "drafted", "待审核"
    REPLIED = "replied", "已答复"
    REJECTED = "rejected", "不予受理"


OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.FORWARDED, Status.DRAFTED)
ANSWERED_STATUSES = (Status.REPLIED, Status.REJECTED)

# What the writer sees: internal steps (reply awaiting approval) show as 办理中.
PUBLIC_STATUS_LABELS = {
    Status.SUBMITTED: "待受理",
    Status.ACCEPTED: "已受理",
    Status.FORWARDED: "办理中",
    Status.DRAFTED: "办理中",
    Status.REPLIED: "已答复",
    Status.REJECTED: "不予受理",
}


class RejectReason(models.TextChoices):
    LITIGATION = "litigation", "已进入诉讼、仲裁、行政复议等法定程序"
    PETITION = "petition", "属于信访事项，应向信访部门反映"
    OUT_OF_SCOPE = "scope", "不属于本信箱受理范围"
    UNCLEAR = "unclear", "反映内容不清，无法办理"
    DUPLICATE = "duplicate", "重复来信，已在办理"
    OTHER = "other", "其他原因"


class Rating(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASIC = "basic", "基本满意"
    UNSATISFIED = "unsatisfied", "不满意"


def months_after(day, months):
    """The same day ``months`` calendar months later (the last day of a shorter month if need be)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class LetterQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(due_date__lt=today or timezone.localdate())

    def answered(self):
        return self.filter(status__in=ANSWERED_STATUSES)

    def published(self):
        """What the public listing shows: replied letters whose writers allowed it, unless staff withheld them."""
        return self.filter(status=Status.REPLIED, allow_publish=True, withheld=False)

    def visible_to(self, user):
        """Letters a staff member may see: all of them for the mailbox office and leaders, else their units' letters."""
        if not user.is_active:
            return self.none()
        if user.is_superuser or any(
            user.has_perm(f"mailbox.{codename}") for codename in ("view_letter", "handle_letter", "approve_letter")
        ):
            return self
        if user.has_perm("mailbox.reply_letter"):
            return self.filter(unit__letter_handlers=user).distinct()
        return self.none()

    def with_effective_rating(self, today=None):
        """Annotates ``effective_rating``: the writer's rating, or 满意 once the rating period ended unrated."""
        today = today or timezone.localdate()
        return self.annotate(
            effective_rating=Case(
                When(~Q(rating=""), then="rating"),
                When(rating="", rating_deadline__lt=today, then=Value(Rating.SATISFIED)),
                default=Value(""),
                output_field=models.CharField(),
            )
        )


class Letter(CitizenRequest):
    tracking_number = None  # a letter's number is ``number``
    number = models.CharField("信件编号", max_length=20, unique=True, editable=False)
    created_at = models.DateTimeField("来信时间", default=timezone.now, db_index=True, editable=False)

    name = models.CharField("姓名", max_length=30)
    phone = models.CharField("联系电话", max_length=30)
    email = models.EmailField("电子邮箱", blank=True)
    category = models.CharField("来信类别", max_length=20, choices=Category.choices)
    title = models.CharField("标题", max_length=100)
    content = models.TextField("来信内容")
    allow_publish = models.BooleanField("同意公开", default=False)

    status = models.CharField(
        "办理状态", max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    due_date = models.DateField("答复期限", db_index=True)
    accepted_at = models.DateTimeField("受理时间", null=True, blank=True)
    unit = models.ForeignKey(
        ReportingUnit,
        verbose_name="承办单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
        limit_choices_to={"handles_letters": True},
    )
    unit_deadline = models.DateField("承办期限", null=True, blank=True)
    forwarded_at = models.DateTimeField("转办时间", null=True, blank=True)

    reply = models.TextField("答复内容", blank=True)
    reply_unit_name = models.CharField("答复部门", max_length=100, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="起草人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    drafted_at = models.DateTimeField("起草时间", null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reject_reason = models.CharField("不予受理原因", max_length=20, choices=RejectReason.choices, blank=True)
    reject_note = models.TextField("不予受理说明", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True, db_index=True)
    answer_workdays = models.PositiveIntegerField("答复用时（工作日）", null=True, blank=True)

    rating = models.CharField("评价", max_length=20, choices=Rating.choices, blank=True)
    rated_at = models.DateTimeField("评价时间", null=True, blank=True)
    rating_deadline = models.DateField("评价截止日", null=True, blank=True)
    withheld = models.BooleanField("不在网站公开", default=False)

    # What the public site shows: filled when the reply is approved, with the writer's details hidden.
    public_title = models.CharField("公开标题", max_length=100, blank=True, editable=False)
    public_content = models.TextField("公开来信内容", blank=True, editable=False)
    public_reply = models.TextField("公开答复内容", blank=True, editable=False)

    objects = LetterQuerySet.as_manager()

    reference_field = "number"
    tracking_prefix = "SJ"
    name_field = "name"
    deadline_field = "due_date"

    class Meta:
        verbose_name = "来信"
        verbose_name_plural = "来信"
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("handle_letter", "受理、不予受理和转办来信"),
            ("approve_letter", "审核答复和延期申请"),
            ("reply_letter", "起草本单位答复、申请延期"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def masked_phone(self):
        """What staff see until they reveal the number (each reveal is in the audit log)."""
        return mask_phone(self.phone)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def days_open(self):
        """Calendar days since the letter arrived (to the answer, if answered)."""
        end = timezone.localdate(self.answered_at) if self.answered_at else timezone.localdate()
        return (end - timezone.localdate(self.created_at)).days

    @property
    def three_month_limit(self):
        """The day an unanswered letter would breach the national three-month rule."""
        return months_after(timezone.localdate(self.created_at), 3)

    @property
    def public_status(self):
        return PUBLIC_STATUS_LABELS[Status(self.status)]

    @property
    def effective_rating_label(self):
        if self.rating:
            return self.get_rating_display()
        if self.rating_deadline and self.rating_deadline < timezone.localdate():
            return f"{Rating.SATISFIED.label}（逾期未评价，按满意计）"
        return ""

    @property
    def can_be_rated(self):
        return (
            self.status == Status.REPLIED
            and not self.rating
            and self.rating_deadline is not None
            and timezone.localdate() <= self.rating_deadline
        )

    @property
    def pending_extension(self):
        return next((ext for ext in self.extensions.all() if ext.status == ExtensionRequest.PENDING), None)


class Action(models.TextChoices):
    SUBMITTED = "submitted", "来信提交"
    ACCEPTED = "accepted", "受理"
    REJECTED = "rejected", "不予受理"
    FORWARDED = "forwarded", "转办"
    DRAFTED = "drafted", "起草答复"
    RETURNED = "returned", "退回修改"
    REPLIED = "replied", "审核通过，答复来信人"
    EXTENSION_REQUESTED = "extension_requested", "申请延期"
    EXTENSION_APPROVED = "extension_approved", "批准延期"
    EXTENSION_REFUSED = "extension_refused", "不批准延期"
    RATED = "rated", "来信人评价"
    WITHHELD = "withheld", "撤下公开"
    RESTORED = "restored", "恢复公开"


# The steps the writer sees when looking the letter up.
PUBLIC_ACTIONS = (
    Action.SUBMITTED,
    Action.ACCEPTED,
    Action.REJECTED,
    Action.FORWARDED,
    Action.EXTENSION_APPROVED,
    Action.REPLIED,
    Action.RATED,
)


class LetterEvent(HandlingEvent):
    """One step of a letter's handling: who did what, when, with which note."""

    letter = models.ForeignKey(Letter, verbose_name="来信", on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=30, choices=Action.choices)
    status = models.CharField("操作后状态", max_length=20, choices=Status.choices)
    note = models.TextField("说明", blank=True)
    public_note = models.CharField("对来信人显示的说明", max_length=200, blank=True)

    class Meta(HandlingEvent.Meta):
        verbose_name = "办理记录"
        verbose_name_plural = "办理记录"

    def __str__(self):
        return f"{self.letter.number}: {self.get_action_display()}"

    @property
    def is_public(self):
        return self.action in PUBLIC_ACTIONS


def attachment_path(instance, filename):
    """A random name: the writer's file name is kept only as data, never as a path."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"mailbox/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    letter = models.ForeignKey(Letter, verbose_name="来信", on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("文件", storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField("原文件名", max_length=100)
    content_type = models.CharField("文件类型", max_length=50)
    size = models.PositiveIntegerField("大小（字节）")

    class Meta:
        verbose_name = "来信附件"
        verbose_name_plural = "来信附件"
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class ExtensionRequest(models.Model):
    """A unit's request for more time; the deadline moves only when a leader approves it."""

    PENDING, APPROVED, REFUSED = "pending", "approved", "refused"
    STATUS_CHOICES = [(PENDING, "待审批"), (APPROVED, "已批准"), (REFUSED, "未批准")]

    letter = models.ForeignKey(Letter, verbose_name="来信", on_delete=models.CASCADE, related_name="extensions")
    workdays = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("延期理由")
    status = models.CharField("审批状态", max_length=10, choices=STATUS_CHOICES, default=PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField("申请时间", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.TextField("审批意见", blank=True)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = "延期申请"
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter"], condition=Q(status="pending"), name="mailbox_one_pending_extension"
            )
        ]

    def __str__(self):
        return f"{self.letter.number} 延期{self.workdays}个工作日"
