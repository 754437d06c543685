"""Public views of 依申请公开: the online request, its receipt and the status query."""

from django.urls import reverse, reverse_lazy

from intake.views import RequestQueryView, RequestReceiptView, RequestSubmitView

from .forms import InformationRequestForm, InformationRequestQueryForm
from .models import REPLY_WORKDAYS, InformationRequest
from .requests import create_request

RECEIPT_SESSION_KEY = "disclosure.receipt"


class ApplyView(RequestSubmitView):
    form_class = InformationRequestForm
    model = InformationRequest
    template_name = "disclosure/apply.html"
    receipt_session_key = RECEIPT_SESSION_KEY
    limited_fields = ("phone", "id_number")

    def get_context(self, form):
        return {"form": form, "reply_workdays": REPLY_WORKDAYS}

    def receipt_url(self):
        return reverse("disclosure:done")

    def create(self, form):
        return create_request(form.cleaned_data)

    def receipt(self, form, created, code):
        return {**super().receipt(form, created, code), "reply_deadline": created.reply_deadline.isoformat()}


class ApplyDoneView(RequestReceiptView):
    template_name = "disclosure/apply_done.html"
    receipt_session_key = RECEIPT_SESSION_KEY
    missing_url = reverse_lazy("disclosure:apply")


class QueryView(RequestQueryView):
    form_class = InformationRequestQueryForm
    model = InformationRequest
    template_name = "disclosure/query.html"
    result_name = "request_found"
    fresh_form_when_found = True


apply = ApplyView.as_view()
apply_done = ApplyDoneView.as_view()
query = QueryView.as_view()
