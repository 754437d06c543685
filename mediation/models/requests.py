"""综治调解 data: the mediation organisations and the online requests with their handling history.

A request gets a tracking number and a secret query code that is shown once and
kept only as a password hash (``intake.models.CitizenRequest``), so the status
of a dispute is visible to nobody who lacks both. Every status change is kept
as an event with who made it and when.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel

from intake.models import CitizenRequest
from portal.handling import HandlingEvent
from portal.validators import normalize_phone, validate_phone

ORGANISATION_KINDS = [
    ("people", "人民调解委员会"),
    ("professional", "行业性专业性调解组织"),
    ("centre", "综治中心"),
    ("other", "其他调解组织"),
]

DISPUTE_TYPES = [
    ("marriage", "婚姻家庭"),
    ("neighbour", "邻里纠纷"),
    ("housing", "房屋宅基地"),
    ("contract", "合同债务"),
    ("labour", "劳动争议"),
    ("damages", "损害赔偿"),
    ("other", "其他"),
]


class Status(models.TextChoices):
    SUBMITTED = "submitted", "已提交"
    ACCEPTED = "accepted", "已受理"
    MEDIATING = "mediating", "调解中"
    SUCCEEDED = "succeeded", "调解成功"
    FAILED = "failed", "调解未成功"
    REJECTED = "rejected", "不予受理"


TRACKING_PREFIX = "TJ"
REJECTION_REASON_MESSAGE = "选择“不予受理”时，请填写不予受理的理由，申请人查询时可以看到。"


class MediationOrganisation(models.Model):
    """A place that mediates disputes; the directory on the column page and the choices in the request form."""

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=20, choices=ORGANISATION_KINDS, default="people")
    area = models.CharField("所在街道/乡镇", max_length=50, help_text="例如：河西街道、青石镇。名录按此分组。")
    address = models.CharField("地址", max_length=200)
    phone = models.CharField("联系电话", max_length=30, validators=[validate_phone])
    opening_hours = models.CharField("办公时间", max_length=100, help_text="例如：工作日 8:30—12:00，14:00—17:30")
    map_description = models.TextField(
        "位置说明", blank=True, max_length=300, help_text="选填：如何找到，例如所在楼层、附近公交站。"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("area"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("opening_hours"),
        FieldPanel("map_description"),
    ]

    class Meta:
        db_table = "columns_mediationorganisation"
        verbose_name = "调解组织"
        verbose_name_plural = "调解组织"
        ordering = ["area", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "name"], name="columns_mediation_org_unique_name")]

    def __str__(self):
        return f"{self.name}（{self.area}）"

    def clean(self):
        super().clean()
        self.phone = normalize_phone(self.phone)
        self.area = (self.area or "").strip()


def directory_areas():
    """The 街道/乡镇 that have at least one organisation, in order; the directory filter and the form offer these."""
    return list(MediationOrganisation.objects.order_by("area").values_list("area", flat=True).distinct())


class MediationRequest(CitizenRequest):
    """An online request for mediation; the applicant's part is fixed, staff change the status and notes."""

    submitted_at = models.DateTimeField("提交时间", default=timezone.now, editable=False, db_index=True)

    applicant_name = models.CharField("申请人姓名", max_length=50, editable=False)
    phone = models.CharField("联系电话", max_length=30, editable=False)
    other_party = models.CharField("对方当事人", max_length=100, editable=False)
    dispute_type = models.CharField("纠纷类型", max_length=20, choices=DISPUTE_TYPES, editable=False)
    area = models.CharField("纠纷发生地", max_length=50, editable=False)
    description = models.TextField("纠纷简要情况", max_length=1000, editable=False)
    preferred_organisation = models.ForeignKey(
        MediationOrganisation,
        verbose_name="希望调解的组织",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent = models.BooleanField("同意工作人员联系", default=False, editable=False)

    status = models.CharField("办理状态", max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    organisation = models.ForeignKey(
        MediationOrganisation,
        verbose_name="承办调解组织",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    rejection_reason = models.TextField(
        "不予受理理由", blank=True, max_length=500, help_text="状态为“不予受理”时必填，申请人查询时可见。"
    )
    public_note = models.TextField(
        "答复说明", blank=True, max_length=1000, help_text="申请人凭编号和查询码查询时可见，例如约定的调解时间地点。"
    )
    internal_note = models.TextField("内部备注", blank=True, help_text="仅工作人员可见，不对申请人显示。")

    tracking_prefix = TRACKING_PREFIX

    class Meta:
        db_table = "columns_mediationrequest"
        verbose_name = "调解申请"
        verbose_name_plural = "调解申请"
        ordering = ["-submitted_at", "-pk"]

    def __str__(self):
        return f"{self.tracking_number} {self.applicant_name}"

    def clean(self):
        super().clean()
        if self.status == Status.REJECTED and not (self.rejection_reason or "").strip():
            raise ValidationError({"rejection_reason": REJECTION_REASON_MESSAGE})

    @property
    def is_closed(self):
        return self.status in (Status.SUCCEEDED, Status.FAILED, Status.REJECTED)


class MediationRequestEvent(HandlingEvent):
    """One status change of a request, with who made it and when (the applicant's own submission has no user)."""

    request = models.ForeignKey(
        MediationRequest, verbose_name="调解申请", on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField("原状态", max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField("新状态", max_length=20, choices=Status.choices)

    class Meta(HandlingEvent.Meta):
        db_table = "columns_mediationrequestevent"
        verbose_name = "调解申请办理记录"
        verbose_name_plural = "调解申请办理记录"

    def __str__(self):
        return f"{self.request.tracking_number}: {self.get_to_status_display()}"
