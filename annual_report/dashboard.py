"""The January reminder: last year's report must be issued and published under 政务公开 this month."""

from django.utils import timezone

from wagtail.admin.ui.components import Component

from .models import PERMISSION, AnnualReport, ReportStatus

REMINDER_MONTH = 1


class AnnualReportReminderPanel(Component):
    name = "annual_report"
    template_name = "annual_report/dashboard_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def report_due(self):
        """The year whose report is due now and not issued yet, or None."""
        today = timezone.localdate()
        if today.month != REMINDER_MONTH or not self.user.has_perm(PERMISSION):
            return None
        year = today.year - 1
        if AnnualReport.objects.filter(year=year, status=ReportStatus.ISSUED).exists():
            return None
        return year

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.report_due() is not None else ""

    def get_context_data(self, parent_context=None):
        year = self.report_due()
        return {"year": year, "report": AnnualReport.objects.filter(year=year).first()}
