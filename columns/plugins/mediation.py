"""综治调解: where to get a dispute mediated, how it works, and an online request with a status query.

The column page lists the mediation organisations (a snippet directory, by
街道/乡镇) and the guides (``MediationGuidePage``). Its routes take online
requests (``apply/``) and answer status queries (``query/``). A request gets a
tracking number and a secret query code that is shown once and kept only as a
password hash, so the status of a dispute is visible to nobody who lacks both.
Staff handle requests as snippets; every status change is kept as an event
with who made it and when.
"""

import secrets
from datetime import timedelta

import django_filters
from captcha.fields import CaptchaField, CaptchaTextInput

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.html import strip_tags

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column
from portal.handling import HandlingEvent
from portal.ratelimit import RateLimit, client_ip
from portal.serials import daily_reference, find_by_code, hash_query_code, new_query_code
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
OTHER_AREA = "__other__"
RECEIPT_SESSION_KEY = "mediation_receipt"
QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60

QUERY_FAILED_MESSAGE = "受理编号或查询码不正确，请核对后重新输入。"
QUERY_LIMITED_MESSAGE = "查询失败次数过多，为保护申请人信息，请稍后再试（约15分钟后）。"
EXPIRED_FORM_MESSAGE = "页面已过期，请刷新页面后重新填写提交。"
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


class MediationRequest(models.Model):
    """An online request for mediation; the applicant's part is fixed, staff change the status and notes."""

    tracking_number = models.CharField("受理编号", max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField("查询码（哈希）", max_length=128, editable=False)
    submission_key = models.CharField(max_length=64, unique=True, editable=False)
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

    class Meta:
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
        verbose_name = "调解申请办理记录"
        verbose_name_plural = "调解申请办理记录"

    def __str__(self):
        return f"{self.request.tracking_number}: {self.get_to_status_display()}"


class MediationCaptchaInput(CaptchaTextInput):
    """The captcha with a Chinese alt text and without the package's legend markup."""

    template_name = "columns/mediation_captcha_widget.html"


class MediationRequestForm(forms.Form):
    """The public 在线调解申请 form; every message says in Chinese what to fix."""

    applicant_name = forms.CharField(
        label="申请人姓名",
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": "请填写申请人姓名。", "max_length": "姓名不能超过%(limit_value)d个字。"},
    )
    phone = forms.CharField(
        label="联系电话",
        max_length=30,
        validators=[validate_phone],
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text="调解员将通过此电话与您联系。",
        error_messages={"required": "请填写联系电话。", "max_length": "电话号码不能超过%(limit_value)d位。"},
    )
    other_party = forms.CharField(
        label="对方当事人姓名或名称",
        max_length=100,
        error_messages={"required": "请填写对方当事人的姓名或名称。", "max_length": "不能超过%(limit_value)d个字。"},
    )
    dispute_type = forms.ChoiceField(
        label="纠纷类型",
        choices=[("", "请选择"), *DISPUTE_TYPES],
        error_messages={"required": "请选择纠纷类型。", "invalid_choice": "请从列表中选择纠纷类型。"},
    )
    area = forms.ChoiceField(
        label="纠纷发生地（街道/乡镇）",
        error_messages={"required": "请选择纠纷发生地。", "invalid_choice": "请从列表中选择纠纷发生地。"},
    )
    area_other = forms.CharField(
        label="其他街道/乡镇",
        required=False,
        max_length=50,
        help_text="上面选择“其他”时填写。",
        error_messages={"max_length": "地名不能超过%(limit_value)d个字。"},
    )
    description = forms.CharField(
        label="纠纷简要情况",
        min_length=20,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="请写明纠纷的起因、经过和您的诉求，20至1000字。",
        error_messages={
            "required": "请填写纠纷简要情况。",
            "min_length": "纠纷简要情况至少需要%(limit_value)d个字，目前%(show_value)d个字，请写得具体一些。",
            "max_length": "纠纷简要情况不能超过%(limit_value)d个字，目前%(show_value)d个字，请精简后再提交。",
        },
    )
    preferred_organisation = forms.ModelChoiceField(
        label="希望调解的组织（选填）",
        queryset=MediationOrganisation.objects.none(),
        required=False,
        empty_label="不指定，由工作人员安排",
        error_messages={"invalid_choice": "请从列表中选择调解组织。"},
    )
    consent = forms.BooleanField(
        label="我同意调解工作人员通过以上电话与我联系，并了解人民调解遵循自愿原则、不收取费用。",
        error_messages={"required": "请勾选同意工作人员与您联系，否则无法受理您的申请。"},
    )
    captcha = CaptchaField(
        label="验证码",
        widget=MediationCaptchaInput,
        error_messages={"required": "请输入图中的验证码。", "invalid": "验证码不正确，请重新输入。"},
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [
            ("", "请选择"),
            *[(area, area) for area in directory_areas()],
            (OTHER_AREA, "其他（请在下面填写）"),
        ]
        self.fields["preferred_organisation"].queryset = MediationOrganisation.objects.all()
        self.fields["submission_key"].error_messages["required"] = EXPIRED_FORM_MESSAGE

    def clean_phone(self):
        return normalize_phone(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("area") == OTHER_AREA:
            if not cleaned.get("area_other"):
                self.add_error("area_other", "选择“其他”时，请填写纠纷发生地所在的街道或乡镇。")
            else:
                cleaned["area"] = cleaned["area_other"]
        return cleaned


class MediationQueryForm(forms.Form):
    tracking_number = forms.CharField(
        label="受理编号",
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "例如：TJ20261125-0007"}),
        error_messages={"required": "请填写受理编号。", "max_length": QUERY_FAILED_MESSAGE},
    )
    query_code = forms.CharField(
        label="查询码",
        max_length=20,
        widget=forms.PasswordInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        help_text="提交申请时页面显示的10位数字。",
        error_messages={"required": "请填写查询码。", "max_length": QUERY_FAILED_MESSAGE},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_tracking_number(self):
        return self.cleaned_data["tracking_number"].strip().upper()


QUERY_FAILURES = RateLimit("mediation-query-failures", QUERY_FAILURE_LIMIT, QUERY_FAILURE_WINDOW)


def find_request(tracking_number, query_code):
    """The request for this number and code, or None; an unknown number costs the same hash check as a wrong code."""
    return find_by_code(MediationRequest.objects.all(), "tracking_number", tracking_number, query_code)


def create_request(data):
    """Store a request with a fresh number and code; returns (request, plain query code).

    A second submission carrying the same one-time key (double click, resent
    form) hits the unique constraint and raises IntegrityError.
    """
    code = new_query_code()
    with transaction.atomic():
        mediation_request = MediationRequest.objects.create(
            tracking_number=daily_reference(TRACKING_PREFIX),
            query_code_hash=hash_query_code(code),
            submission_key=data["submission_key"],
            applicant_name=data["applicant_name"],
            phone=data["phone"],
            other_party=data["other_party"],
            dispute_type=data["dispute_type"],
            area=data["area"],
            description=data["description"],
            preferred_organisation=data.get("preferred_organisation"),
            consent=True,
        )
        MediationRequestEvent.objects.create(request=mediation_request, to_status=Status.SUBMITTED)
    return mediation_request, code


@register_column
class MediationColumnPage(RoutablePageMixin, ColumnPage):
    column_name = "综治调解"
    default_slug = "zztj"
    icon = "group"
    update_interval = timedelta(days=90)
    planned = True

    subpage_types = ["columns.MediationGuidePage"]
    template = "columns/mediation_column_page.html"

    class Meta:
        verbose_name = "综治调解栏目"
        verbose_name_plural = "综治调解栏目"

    @path("")
    def index_route(self, request, *args, **kwargs):
        areas = directory_areas()
        selected = request.GET.get("area", "")
        organisations = MediationOrganisation.objects.order_by("area", "kind", "name")
        if selected in areas:
            organisations = organisations.filter(area=selected)
        else:
            selected = ""
        return self.render(
            request, context_overrides={"areas": areas, "selected_area": selected, "organisations": organisations}
        )

    @path("apply/", name="apply")
    def apply(self, request):
        """POST/redirect/GET: the receipt page is only reached by redirect, so reloading it never resubmits."""
        if request.method == "POST":
            key = request.POST.get("submission_key", "")
            if key and MediationRequest.objects.filter(submission_key=key).exists():
                return self._to_receipt()
            form = MediationRequestForm(request.POST)
            if form.is_valid():
                try:
                    mediation_request, code = create_request(form.cleaned_data)
                except IntegrityError:
                    if MediationRequest.objects.filter(submission_key=key).exists():
                        return self._to_receipt()
                    raise
                request.session[RECEIPT_SESSION_KEY] = {
                    "tracking_number": mediation_request.tracking_number,
                    "query_code": code,
                }
                return self._to_receipt()
        else:
            form = MediationRequestForm(initial={"submission_key": secrets.token_urlsafe(32)})
        return self._render_private(request, "columns/mediation_apply.html", {"form": form})

    @path("apply/done/", name="apply_done")
    def apply_done(self, request):
        """Shows the number and code once: they leave the session as they are displayed."""
        receipt = request.session.pop(RECEIPT_SESSION_KEY, None)
        return self._render_private(request, "columns/mediation_apply_done.html", {"receipt": receipt})

    @path("query/", name="query")
    def query(self, request):
        """Answers a wrong code and an unknown number alike, and stops an IP after too many failures."""
        context = {"form": MediationQueryForm(), "message": "", "mediation_request": None}
        status = 200
        if request.method == "POST":
            if QUERY_FAILURES.exceeded(client_ip(request)):
                context["message"] = QUERY_LIMITED_MESSAGE
                status = 429
            else:
                form = MediationQueryForm(request.POST)
                if form.is_valid():
                    found = find_request(form.cleaned_data["tracking_number"], form.cleaned_data["query_code"])
                    if found is None:
                        QUERY_FAILURES.hit(client_ip(request))
                        context["message"] = QUERY_FAILED_MESSAGE
                    else:
                        context["mediation_request"] = found
                        context["steps"] = status_steps(found)
                        context["events"] = found.events.all()
                else:
                    context["form"] = form
        response = self._render_private(request, "columns/mediation_query.html", context)
        response.status_code = status
        return response

    def _to_receipt(self):
        return redirect(self.url + self.reverse_subpage("apply_done"), permanent=False)

    def _render_private(self, request, template, context):
        response = self.render(request, template=template, context_overrides=context)
        add_never_cache_headers(response)
        return response

    def seed_demo(self):
        for spec in DEMO_ORGANISATIONS:
            MediationOrganisation.objects.get_or_create(area=spec["area"], name=spec["name"], defaults=spec)
        now = timezone.now()
        for spec in DEMO_GUIDES:
            if MediationGuidePage.objects.child_of(self).filter(slug=spec["slug"]).exists():
                continue
            guide = MediationGuidePage(
                title=spec["title"],
                slug=spec["slug"],
                publish_date=now - timedelta(days=spec["days_ago"]),
                summary=spec["summary"],
                source="清江市委政法委",
                procedure="".join(f"<p>{step}</p>" for step in spec["procedure"]),
                materials="\n".join(spec["materials"]),
            )
            self.add_child(instance=guide)
            guide.save_revision().publish()


def status_steps(mediation_request):
    """The progress line shown to the applicant: 已提交 → 已受理 → 调解中 → outcome, with the reached steps marked."""
    path_so_far = [Status.SUBMITTED, Status.ACCEPTED, Status.MEDIATING]
    if mediation_request.status == Status.REJECTED:
        path_so_far = [Status.SUBMITTED, Status.REJECTED]
    elif mediation_request.is_closed:
        path_so_far.append(Status(mediation_request.status))
    else:
        path_so_far.append(None)
    current = path_so_far.index(mediation_request.status)
    return [
        {
            "label": step.label if step else "调解结果",
            "done": index <= current,
            "current": index == current,
        }
        for index, step in enumerate(path_so_far)
    ]


class MediationGuideForm(WagtailAdminPageForm):
    """Names the missing part of a guide in Chinese instead of a generic 'required'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {"procedure": "请填写调解流程。", "materials": "请填写需携带的材料，每行一项。"}
        for name, message in messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


class MediationGuidePage(ColumnItem):
    """A guide to mediation: the steps, the (absence of) cost and what to bring, in that order on the page."""

    procedure = RichTextField(
        "调解流程", features=["bold", "ol", "ul", "link"], help_text="申请、受理、调解、达成协议的步骤。"
    )
    fees = models.CharField(
        "收费标准",
        max_length=200,
        default="免费。人民调解委员会调解民间纠纷，不收取任何费用。",
        help_text="人民调解不收费；行业性专业性调解如有不同规定，请写明。",
    )
    materials = models.TextField("需携带材料", help_text="每行一项，例如：申请人身份证原件及复印件。")

    content_panels = [
        *ColumnItem.content_panels[:3],
        FieldPanel("procedure"),
        FieldPanel("fees"),
        FieldPanel("materials"),
        *ColumnItem.content_panels[3:],
    ]
    search_fields = [*ColumnItem.search_fields, index.SearchField("procedure"), index.SearchField("materials")]

    base_form_class = MediationGuideForm
    subpage_types = []
    template = "columns/mediation_guide_page.html"

    class Meta:
        verbose_name = "调解指南"
        verbose_name_plural = "调解指南"

    def clean(self):
        super().clean()
        if self.procedure and not strip_tags(self.procedure).strip():
            # An emptied rich text editor still submits an empty paragraph.
            raise ValidationError({"procedure": "请填写调解流程。"})
        if self.materials and not self.material_list:
            raise ValidationError({"materials": "请填写需携带的材料，每行一项。"})

    @property
    def apply_url(self):
        """The request form of the column holding this guide, the natural next step after reading it."""
        column = self.column.specific if self.column_id else None
        return column.url + column.reverse_subpage("apply") if isinstance(column, MediationColumnPage) else ""

    @property
    def material_list(self):
        return [line.strip(" \t-•·、") for line in self.materials.splitlines() if line.strip(" \t-•·、")]


class MediationRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come only from the public form (which issues the number and code), so nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class MediationRequestEditView(EditView):
    """Records each status change as an event with the staff member and the time."""

    def save_instance(self):
        previous = MediationRequest.objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = super().save_instance()
        if instance.status != previous:
            MediationRequestEvent.objects.create(
                request=instance, from_status=previous, to_status=instance.status, user=self.request.user
            )
        return instance


class OrganisationFilterSet(WagtailFilterSet):
    area = django_filters.ChoiceFilter(label="所在街道/乡镇", choices=lambda: [(a, a) for a in directory_areas()])

    class Meta:
        model = MediationOrganisation
        fields = ["kind", "area"]


class MediationOrganisationViewSet(SnippetViewSet):
    """The directory the column page shows; kept by the 综治 office."""

    model = MediationOrganisation
    icon = "group"
    menu_label = "调解组织名录"
    list_display = ["name", "kind", "area", "phone"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name"]
    ordering = ["area", "name"]


class MediationRequestViewSet(SnippetViewSet):
    """Where staff accept, assign and close online requests; the applicant's data is shown but cannot be altered."""

    model = MediationRequest
    icon = "clipboard-list"
    menu_label = "在线调解申请"
    list_display = ["tracking_number", "applicant_name", "phone", "dispute_type", "area", "status", "submitted_at"]
    list_filter = ["status", "dispute_type"]
    search_fields = ["tracking_number", "applicant_name"]
    ordering = ["-submitted_at"]
    copy_view_enabled = False
    edit_view_class = MediationRequestEditView
    panels = [
        HelpPanel(template="columns/mediation_request_summary_panel.html", heading="申请信息"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("organisation"),
                FieldPanel("rejection_reason"),
                FieldPanel("public_note"),
            ],
            heading="办理",
        ),
        FieldPanel("internal_note"),
        HelpPanel(template="columns/mediation_request_history_panel.html", heading="办理记录"),
    ]


class MediationViewSetGroup(SnippetViewSetGroup):
    menu_label = "综治调解"
    menu_icon = "group"
    items = (MediationRequestViewSet, MediationOrganisationViewSet)


register_permission_policy(MediationRequest, MediationRequestPermissionPolicy(MediationRequest))
register_snippet(MediationViewSetGroup)


DEMO_ORGANISATIONS = [
    {
        "name": "河西街道人民调解委员会",
        "kind": "people",
        "area": "河西街道",
        "address": "清江市河西街道滨江路18号河西街道办事处一楼",
        "phone": "0571-86120001",
        "opening_hours": "工作日 8:30—12:00，14:00—17:30",
        "map_description": "街道办事处一楼大厅东侧，公交3路、11路河西街道站下车。",
    },
    {
        "name": "河西街道综治中心",
        "kind": "centre",
        "area": "河西街道",
        "address": "清江市河西街道滨江路18号河西街道办事处二楼",
        "phone": "0571-86120002",
        "opening_hours": "工作日 8:30—17:30（午间有人值班）",
        "map_description": "街道办事处二楼，矛盾纠纷调处化解窗口。",
    },
    {
        "name": "青石镇人民调解委员会",
        "kind": "people",
        "area": "青石镇",
        "address": "清江市青石镇建设路6号青石镇司法所内",
        "phone": "0571-86230011",
        "opening_hours": "工作日 8:30—12:00，14:00—17:30",
        "map_description": "",
    },
    {
        "name": "清江市物业纠纷人民调解委员会青石工作站",
        "kind": "professional",
        "area": "青石镇",
        "address": "清江市青石镇建设路6号青石镇矛盾纠纷调处化解中心一楼",
        "phone": "0571-86230012",
        "opening_hours": "周一至周五 9:00—17:00",
        "map_description": "调处化解中心一楼3号窗口，专门调解物业服务、房屋租赁纠纷。",
    },
]

DEMO_GUIDES = [
    {
        "slug": "zztj-how-mediation-works",
        "title": "人民调解怎么申请？一图读懂调解流程",
        "days_ago": 10,
        "summary": "人民调解免费、便捷、保密，当事人可以到住所地或纠纷发生地的调解委员会申请，也可以在线提交申请。",
        "procedure": [
            "一、申请。当事人可以口头或书面申请，也可以在本栏目“在线调解申请”提交，写明双方情况和纠纷经过。",
            "二、受理。调解委员会一般在3个工作日内电话联系申请人，征求对方当事人意见；双方都同意调解的予以受理。",
            "三、调解。调解员查明事实、讲清法律和政策，在双方自愿的基础上帮助达成协议。",
            "四、协议。达成协议的，可以制作人民调解协议书，双方签名后生效，也可以共同向人民法院申请司法确认。",
        ],
        "materials": [
            "申请人身份证原件及复印件",
            "对方当事人的姓名、住址和联系电话",
            "与纠纷有关的合同、收据、照片、聊天记录等材料",
        ],
    },
    {
        "slug": "zztj-neighbour-disputes",
        "title": "邻里纠纷找调解：柳湾乡调解员的几点提醒",
        "days_ago": 40,
        "summary": "漏水、噪音、占道、排水……邻里纠纷先找村（社区）调解委员会，调解不收费，协议有法律约束力。",
        "procedure": [
            "一、先找身边的调解组织。村（社区）调解委员会熟悉情况，上门调解方便快捷。",
            "二、调解员现场查看。涉及漏水、排水、占道等问题，调解员会约双方到现场查看，必要时请专业人员鉴定。",
            "三、面对面协商。调解员组织双方坐下来谈，依据民法典相邻关系的规定提出建议。",
            "四、签订协议并回访。达成协议的签订调解协议书，调解员会在一个月内回访履行情况。",
        ],
        "materials": [
            "申请人身份证",
            "反映问题的照片或视频",
            "此前协商、报修的记录",
        ],
    },
]
