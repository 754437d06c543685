"""Taking in error reports: one transaction stores the report and its first history entry, then staff are told."""

from django.db import transaction
from django.urls import reverse

from wagtail.permission_policies import ModelPermissionPolicy

from portal.links import absolute_url
from portal.mail import office_targets, send_after_commit

from .models import ErrorReport, ReportStatus


@transaction.atomic
def create_report(data):
    """Store a valid report; returns ``(report, plain query code)``."""
    report = ErrorReport(
        tracking_number=ErrorReport.new_tracking_number(),
        submission_key=data["submission_key"],
        page_url=data["page_url"],
        error_type=data["error_type"],
        description=data["description"],
        contact_name=data.get("contact_name", ""),
        phone=data["phone"],
        email=data.get("email", ""),
    )
    code = report.issue_query_code()
    report.save(force_insert=True)
    report.record_event(to_status=ReportStatus.RECEIVED)
    notify_staff(report)
    return report, code


def notify_staff(report):
    """Mail to whoever may handle reports and the office's channels; only the number travels."""
    users = ModelPermissionPolicy(ErrorReport).users_with_permission("change").filter(is_active=True).exclude(email="")
    recipients = [user.email for user in users]
    targets = office_targets()
    if not recipients and not targets:
        return
    link = absolute_url(reverse("wagtailsnippets_feedback_errorreport:edit", args=[report.pk]))
    send_after_commit(
        f"新的网站纠错 {report.tracking_number}",
        f"收到网站纠错 {report.tracking_number}，请在 {report.acknowledge_deadline:%Y年%-m月%-d日} 前受理，"
        f"{report.resolve_deadline:%Y年%-m月%-d日} 前办结并答复。\n\n办理：{link}\n",
        recipients,
        targets,
    )
