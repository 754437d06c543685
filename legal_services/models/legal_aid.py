"""网上法律援助: applications, their status history and their attachments.

The applicant's ID and phone numbers are encrypted at rest
(``legal_services.crypto``) and masked wherever they are listed; attachments
live in private storage that the web server never serves. The review deadline
is the Legal Aid Law's: 《中华人民共和国法律援助法》第四十三条, "法律援助机构应当
自收到法律援助申请之日起七日内进行审查". Those are calendar days, not working
days, so ``portal.workdays`` is deliberately not used; as usual in Chinese law
the day of receipt itself is not counted.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from intake.models import CitizenRequest, deadline_countdown
from portal.handling import HandlingEvent
from portal.storage import private_storage
from portal.uploads import RandomName

from ..crypto import EncryptedTextField
from ..validators import mask

REVIEW_DAYS = 7
TRACKING_PREFIX = "FY"
DEFAULT_RETENTION_DAYS = 3 * 365


class AidStatus(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    REVIEWING = "reviewing", "审查中"
    NEEDS_MATERIALS = "needs_materials", "需补充材料"
    APPROVED = "approved", "准予法律援助"
    REFUSED = "refused", "不予法律援助"
    ASSIGNED = "assigned", "已指派"
    CLOSED = "closed", "已结案"


UNDECIDED = (AidStatus.SUBMITTED, AidStatus.REVIEWING, AidStatus.NEEDS_MATERIALS)
FINAL = (AidStatus.REFUSED, AidStatus.CLOSED)
NEXT_STATUSES = {
    AidStatus.SUBMITTED: (AidStatus.REVIEWING, AidStatus.NEEDS_MATERIALS, AidStatus.APPROVED, AidStatus.REFUSED),
    AidStatus.REVIEWING: (AidStatus.NEEDS_MATERIALS, AidStatus.APPROVED, AidStatus.REFUSED),
    AidStatus.NEEDS_MATERIALS: (AidStatus.REVIEWING, AidStatus.APPROVED, AidStatus.REFUSED),
    AidStatus.APPROVED: (AidStatus.ASSIGNED,),
    AidStatus.ASSIGNED: (AidStatus.CLOSED,),
    AidStatus.REFUSED: (),
    AidStatus.CLOSED: (),
}


class CaseType(models.TextChoices):
    LABOUR = "labour", "劳动争议、追索劳动报酬"
    INJURY = "injury", "工伤、交通事故、医疗等人身损害赔偿"
    FAMILY = "family", "婚姻家庭、赡养抚养、继承"
    WELFARE = "welfare", "社会保险、最低生活保障、抚恤金"
    CRIMINAL = "criminal", "刑事案件（辩护、代理）"
    ADMINISTRATIVE = "administrative", "行政案件（国家赔偿等）"
    OTHER = "other", "其他民事事项"


class HardshipBasis(models.TextChoices):
    MINIMUM_LIVING = "minimum_living", "城乡最低生活保障对象"
    EXTREME_POVERTY = "extreme_poverty", "特困供养人员"
    LOW_INCOME = "low_income", "低收入家庭成员"
    DISABLED = "disabled", "残疾人（无固定生活来源）"
    MIGRANT_WAGES = "migrant_wages", "农民工请求支付劳动报酬、工伤赔偿"
    OTHER = "other", "其他经济困难情形（个人诚信承诺）"


def retention_days():
    return getattr(settings, "LEGAL_AID_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


class LegalAidQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Everything for staff who may see all applications; only their own assignments for lawyers."""
        if user.is_superuser or user.has_perm("legal_services.view_all_legalaidapplication"):
            return self
        return self.filter(assigned_lawyer=user) if user.is_authenticated else self.none()

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status__in=UNDECIDED, review_deadline__lt=today)

    def purgeable(self, days, now=None):
        """Applications refused or closed more than ``days`` days ago."""
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(status__in=FINAL, closed_at__lt=cutoff)


class LegalAidApplication(CitizenRequest):
    """One application; the applicant's part is fixed once submitted, staff move it through the statuses."""

    # Applications stored before the form had a one-time key have none.
    submission_key = models.CharField(max_length=64, unique=True, null=True, editable=False)
    received_at = models.DateTimeField("收到时间", default=timezone.now, editable=False, db_index=True)
    review_deadline = models.DateField("审查期限", editable=False, db_index=True)

    applicant_name = models.CharField("申请人姓名", max_length=30, editable=False)
    id_number = EncryptedTextField("身份证号码", editable=False)
    phone = EncryptedTextField("联系电话", editable=False)
    address = models.CharField("住址", max_length=200, editable=False)
    case_type = models.CharField("案件类型", max_length=20, choices=CaseType.choices, editable=False)
    facts = models.TextField("案情简述", max_length=2000, editable=False)
    hardship_basis = models.CharField("经济困难依据", max_length=20, choices=HardshipBasis.choices, editable=False)
    hardship_details = models.TextField("经济困难情况说明", max_length=1000, blank=True, editable=False)

    status = models.CharField("办理状态", max_length=20, choices=AidStatus.choices, default=AidStatus.SUBMITTED)
    decision_reason = models.TextField(
        "说明或理由",
        blank=True,
        max_length=1000,
        help_text="“需补充材料”时写明需补充的材料，“不予法律援助”时写明理由；申请人查询时可见。",
    )
    assigned_lawyer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办律师",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_aid_assignments",
        help_text="指派后，该律师登录后台只能看到指派给自己的申请。",
    )
    assigned_organisation = models.CharField(
        "承办机构", max_length=100, blank=True, help_text="如：某某律师事务所、某某法律援助工作站。"
    )
    internal_note = models.TextField("内部备注", blank=True, help_text="仅工作人员可见。")
    closed_at = models.DateTimeField("办结时间", null=True, blank=True, editable=False, db_index=True)

    objects = LegalAidQuerySet.as_manager()

    tracking_prefix = TRACKING_PREFIX
    deadline_field = "review_deadline"

    class Meta:
        verbose_name = "法律援助申请"
        verbose_name_plural = "法律援助申请"
        ordering = ["-received_at", "-pk"]
        permissions = [
            ("view_all_legalaidapplication", "查看全部法律援助申请（不限于指派给自己的）"),
            ("reveal_legalaidapplication", "查看申请人完整身份证号和电话"),
        ]

    def __str__(self):
        # Shown in admin titles and log entries: never the applicant's personal data.
        return self.tracking_number

    def save(self, *args, **kwargs):
        if self.review_deadline is None:
            self.review_deadline = timezone.localdate(self.received_at) + timedelta(days=REVIEW_DAYS)
        if self.status in FINAL and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status not in FINAL:
            self.closed_at = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        reason = (self.decision_reason or "").strip()
        if self.status == AidStatus.REFUSED and not reason:
            errors["decision_reason"] = "不予法律援助时请写明理由，申请人查询时可见。"
        if self.status == AidStatus.NEEDS_MATERIALS and not reason:
            errors["decision_reason"] = "请写明需要补充的材料，申请人查询时可见。"
        if self.status in (AidStatus.ASSIGNED, AidStatus.CLOSED) and not (
            self.assigned_lawyer_id or (self.assigned_organisation or "").strip()
        ):
            errors["assigned_organisation"] = "请指派承办律师或填写承办机构。"
        if errors:
            raise ValidationError(errors)

    @property
    def masked_id_number(self):
        return mask(self.id_number)

    @property
    def masked_phone(self):
        return mask(self.phone)

    @property
    def is_overdue(self):
        return self.status in UNDECIDED and timezone.localdate() > self.review_deadline

    def deadline_label(self):
        if self.status not in UNDECIDED:
            return "已审查"
        return deadline_countdown(self.review_deadline)


class LegalAidEvent(HandlingEvent):
    """One status change; ``note`` is what the applicant reads when querying, the user is for staff only."""

    application = models.ForeignKey(
        LegalAidApplication, verbose_name="法律援助申请", on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField("原状态", max_length=20, choices=AidStatus.choices, blank=True)
    to_status = models.CharField("新状态", max_length=20, choices=AidStatus.choices)
    note = models.TextField("说明", blank=True)

    class Meta(HandlingEvent.Meta):
        verbose_name = "法律援助办理记录"
        verbose_name_plural = "法律援助办理记录"

    def __str__(self):
        return f"{self.application.tracking_number}: {self.get_to_status_display()}"


class LegalAidAttachment(models.Model):
    """A file the applicant sent with the application (proof of hardship, documents of the case)."""

    application = models.ForeignKey(
        LegalAidApplication, verbose_name="法律援助申请", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField("文件", storage=private_storage, upload_to=RandomName("legal_aid"), max_length=200)
    original_name = models.CharField("原文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")

    class Meta:
        verbose_name = "法律援助申请附件"
        verbose_name_plural = "法律援助申请附件"
        ordering = ["pk"]

    def __str__(self):
        return self.original_name
