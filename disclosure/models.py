"""依申请公开 requests with the statutory reply clock, and the text pages of 政务公开.

《中华人民共和国政府信息公开条例》(2019) 第三十三条: a request not answered on
the spot is answered within 20 working days of its receipt; with the approval
of the head of the disclosure office, and telling the applicant, the time may be
extended once, by at most 20 working days. Both are law, not settings. The day
of receipt itself is not counted (``portal.workdays.add_workdays``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from intake.masking import mask_digits
from intake.models import CitizenRequest, deadline_countdown
from portal.handling import HandlingEvent
from portal.workdays import add_workdays

TRACKING_PREFIX = "YS"
REPLY_WORKDAYS = 20
EXTENSION_WORKDAYS = 20


class ApplicantType(models.TextChoices):
    CITIZEN = "citizen", "公民"
    ORGANISATION = "organisation", "法人或者其他组织"


class Medium(models.TextChoices):
    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文本"


class Delivery(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", "已收到"
    PROCESSING = "processing", "办理中"
    ANSWERED = "answered", "已答复"


class Outcome(models.TextChoices):
    """The kinds of answer of 条例 第三十六条."""

    DISCLOSED = "disclosed", "予以公开"
    PARTLY = "partly", "部分公开"
    REFUSED = "refused", "不予公开"
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NOT_OURS = "not_ours", "非本机关负责公开"
    ALREADY_PUBLIC = "already_public", "属于已主动公开的信息，告知获取途径"
    NOT_ACCEPTED = "not_accepted", "不予处理"


OPEN = (RequestStatus.RECEIVED, RequestStatus.PROCESSING)
NEXT_STATUSES = {
    RequestStatus.RECEIVED: (RequestStatus.PROCESSING, RequestStatus.ANSWERED),
    RequestStatus.PROCESSING: (RequestStatus.ANSWERED,),
    RequestStatus.ANSWERED: (),
}


class InformationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN)

    def due_by(self, day):
        """Open requests whose current deadline is on or before ``day`` (the health check's warning)."""
        return self.open().filter(
            Q(extended_deadline__isnull=True, reply_deadline__lte=day) | Q(extended_deadline__lte=day)
        )

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(
            Q(extended_deadline__isnull=True, reply_deadline__lt=today) | Q(extended_deadline__lt=today)
        )


class InformationRequest(CitizenRequest):
    """One 政府信息公开申请; the applicant's part is fixed once submitted."""

    received_at = models.DateTimeField("收到时间", default=timezone.now, editable=False, db_index=True)
    reply_deadline = models.DateField("法定答复期限", editable=False, db_index=True)
    extended_deadline = models.DateField("延长后的答复期限", null=True, blank=True, editable=False, db_index=True)
    extension_reason = models.TextField("延长理由", blank=True, max_length=500, editable=False)
    extension_approved_by = models.CharField("批准延长的负责人", max_length=30, blank=True, editable=False)

    applicant_type = models.CharField("申请人类型", max_length=20, choices=ApplicantType.choices, editable=False)
    applicant_name = models.CharField("申请人姓名或名称", max_length=100, editable=False)
    id_number = models.CharField("身份证件号码或统一社会信用代码", max_length=30, editable=False)
    phone = models.CharField("联系电话", max_length=30, editable=False)
    email = models.EmailField("电子邮箱", blank=True, editable=False)
    address = models.CharField("通信地址", max_length=200, blank=True, editable=False)
    description = models.TextField("所需政府信息的名称、文号或者特征性描述", max_length=2000, editable=False)
    medium = models.CharField("信息的载体形式", max_length=20, choices=Medium.choices, editable=False)
    delivery = models.CharField("获取信息的方式", max_length=20, choices=Delivery.choices, editable=False)

    status = models.CharField("办理状态", max_length=20, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    outcome = models.CharField("答复类型", max_length=20, choices=Outcome.choices, blank=True)
    reply = models.TextField("答复内容", blank=True, max_length=3000, help_text="答复后申请人查询时可见。")
    internal_note = models.TextField("内部备注", blank=True, help_text="仅工作人员可见。")
    answered_at = models.DateTimeField("答复时间", null=True, blank=True, editable=False, db_index=True)

    objects = InformationRequestQuerySet.as_manager()

    tracking_prefix = TRACKING_PREFIX
    deadline_field = "current_deadline"

    class Meta:
        verbose_name = "依申请公开"
        verbose_name_plural = "依申请公开"
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return self.tracking_number

    def save(self, *args, **kwargs):
        if self.reply_deadline is None:
            self.reply_deadline = add_workdays(self.received_at, REPLY_WORKDAYS)
        if self.status == RequestStatus.ANSWERED and self.answered_at is None:
            self.answered_at = timezone.now()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.status == RequestStatus.ANSWERED:
            errors = {}
            if not self.outcome:
                errors["outcome"] = "答复时请选择答复类型。"
            if not (self.reply or "").strip():
                errors["reply"] = "答复时请填写答复内容，申请人查询时可见。"
            if errors:
                raise ValidationError(errors)

    @property
    def current_deadline(self):
        return self.extended_deadline or self.reply_deadline

    @property
    def can_extend(self):
        return self.status in OPEN and self.extended_deadline is None

    def extend(self, reason, approved_by):
        """The one extension of 第三十三条: 20 more working days after the statutory deadline."""
        if not self.can_extend:
            raise ValidationError("答复期限只能延长一次，且只能在答复前延长。")
        self.extended_deadline = add_workdays(self.reply_deadline, EXTENSION_WORKDAYS)
        self.extension_reason = reason
        self.extension_approved_by = approved_by

    @property
    def is_overdue(self):
        return self.status in OPEN and timezone.localdate() > self.current_deadline

    @property
    def masked_id_number(self):
        return mask_digits(self.id_number, 3, 2)

    def deadline_label(self):
        if self.status not in OPEN:
            return "已答复"
        return deadline_countdown(self.current_deadline)


class InformationRequestEvent(HandlingEvent):
    """One step; ``note`` is what the applicant reads when querying."""

    request = models.ForeignKey(
        InformationRequest, verbose_name="依申请公开", on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField("原状态", max_length=20, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField("新状态", max_length=20, choices=RequestStatus.choices)
    note = models.TextField("说明", blank=True)

    class Meta(HandlingEvent.Meta):
        verbose_name = "依申请公开办理记录"
        verbose_name_plural = "依申请公开办理记录"

    def __str__(self):
        return f"{self.request.tracking_number}: {self.get_to_status_display()}"


class DisclosurePage(Page):
    """A text page of 政务公开: 信息公开指南, 信息公开制度, 年度报告, 依申请公开 (which links to the online form)."""

    intro = models.TextField("导语", blank=True, max_length=500)
    body = RichTextField("正文", features=["h2", "h3", "bold", "ol", "ul", "link", "document-link"])
    show_request_form_link = models.BooleanField(
        "显示“在线申请”入口", default=False, help_text="依申请公开页面勾选，正文后显示在线申请和查询入口。"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("show_request_form_link"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["gov_info.GovInfoColumnPage"]
    subpage_types = []
    template = "disclosure/disclosure_page.html"

    class Meta:
        verbose_name = "政务公开说明页"
        verbose_name_plural = "政务公开说明页"
