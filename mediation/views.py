"""The routes of the 综治调解 column: the online request, its one-time receipt and the status query."""

from django.db import transaction

from intake.views import RequestQueryView, RequestReceiptView, RequestSubmitView
from portal.ratelimit import RateLimit

from .forms import MediationQueryForm, MediationRequestForm
from .models.requests import MediationRequest, Status

RECEIPT_SESSION_KEY = "mediation_receipt"
QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60
QUERY_LIMITED_MESSAGE = "查询失败次数过多，为保护申请人信息，请稍后再试（约15分钟后）。"
QUERY_FAILURES = RateLimit("mediation-query-failures", QUERY_FAILURE_LIMIT, QUERY_FAILURE_WINDOW)


def create_request(data):
    """Store a request with a fresh number and code; returns (request, plain query code).

    A second submission carrying the same one-time key (double click, resent
    form) hits the unique constraint and raises IntegrityError.
    """
    mediation_request = MediationRequest(
        tracking_number=MediationRequest.new_tracking_number(),
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
    code = mediation_request.issue_query_code()
    with transaction.atomic():
        mediation_request.save(force_insert=True)
        mediation_request.record_event(to_status=Status.SUBMITTED)
    return mediation_request, code


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


class MediationApplyView(RequestSubmitView):
    form_class = MediationRequestForm
    model = MediationRequest
    template_name = "mediation/mediation_apply.html"
    receipt_session_key = RECEIPT_SESSION_KEY

    def receipt_url(self):
        return self.page.url + self.page.reverse_subpage("apply_done")

    def create(self, form):
        return create_request(form.cleaned_data)


class MediationApplyDoneView(RequestReceiptView):
    template_name = "mediation/mediation_apply_done.html"
    receipt_session_key = RECEIPT_SESSION_KEY


class MediationQueryView(RequestQueryView):
    form_class = MediationQueryForm
    model = MediationRequest
    template_name = "mediation/mediation_query.html"
    result_name = "mediation_request"
    failures = QUERY_FAILURES
    limited_message = QUERY_LIMITED_MESSAGE
    keep_form_after_failure = False
    fresh_form_when_found = True

    def result_context(self, found, form):
        return {**super().result_context(found, form), "steps": status_steps(found)}
