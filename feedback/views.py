"""Public views of 网站纠错: the form with the public counts, the receipt and the status query."""

from django.urls import reverse, reverse_lazy

from intake.views import RequestQueryView, RequestReceiptView, RequestSubmitView

from .forms import ErrorReportForm, ErrorReportQueryForm
from .models import ErrorReport, acknowledge_workdays, resolve_workdays
from .reports import create_report

RECEIPT_SESSION_KEY = "feedback.receipt"


class ReportView(RequestSubmitView):
    form_class = ErrorReportForm
    model = ErrorReport
    template_name = "feedback/report.html"
    receipt_session_key = RECEIPT_SESSION_KEY

    def get_initial(self):
        """The page the visitor came from (``?url=``, set by the 找错 link) is filled in for them."""
        initial = super().get_initial()
        url = self.request.GET.get("url", "")
        if isinstance(url, str) and len(url) <= 500:
            initial["page_url"] = url
        return initial

    def get_context(self, form):
        return {
            "form": form,
            "counts": ErrorReport.objects.public_counts(),
            "acknowledge_days": acknowledge_workdays(),
            "resolve_days": resolve_workdays(),
        }

    def receipt_url(self):
        return reverse("feedback:done")

    def create(self, form):
        return create_report(form.cleaned_data)

    def receipt(self, form, created, code):
        return {**super().receipt(form, created, code), "resolve_deadline": created.resolve_deadline.isoformat()}


class ReportDoneView(RequestReceiptView):
    template_name = "feedback/report_done.html"
    receipt_session_key = RECEIPT_SESSION_KEY
    missing_url = reverse_lazy("feedback:report")


class ReportQueryView(RequestQueryView):
    form_class = ErrorReportQueryForm
    model = ErrorReport
    template_name = "feedback/query.html"
    result_name = "report"
    fresh_form_when_found = True


report = ReportView.as_view()
report_done = ReportDoneView.as_view()
report_query = ReportQueryView.as_view()
