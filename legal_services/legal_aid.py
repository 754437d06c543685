"""Taking in legal-aid applications, telling staff about them, and counting failed status queries.

An application, its attachments and its first history entry are stored in one
transaction; files written before a failure are removed again, so a failed
submission leaves nothing behind. Staff are told once it is committed (``portal.mail``: by e-mail and
the office's channels); the notice carries the tracking number only, never the applicant's data.
"""

from django.db import transaction
from django.urls import reverse

from wagtail.permission_policies import ModelPermissionPolicy

from portal.links import absolute_url
from portal.mail import office_targets, send_after_commit
from portal.ratelimit import RateLimit

from .models import AidStatus, LegalAidApplication, LegalAidAttachment

QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60


def create_application(data):
    """Store a valid application; returns ``(application, plain query code)``."""
    saved_files = []
    try:
        with transaction.atomic():
            application = LegalAidApplication(
                tracking_number=LegalAidApplication.new_tracking_number(),
                submission_key=data["submission_key"],
                applicant_name=data["applicant_name"],
                id_number=data["id_number"],
                phone=data["phone"],
                address=data["address"],
                case_type=data["case_type"],
                facts=data["facts"],
                hardship_basis=data["hardship_basis"],
                hardship_details=data.get("hardship_details", ""),
            )
            code = application.issue_query_code()
            application.save(force_insert=True)
            for checked in data.get("attachments") or []:
                attachment = LegalAidAttachment(
                    application=application, original_name=checked.original_name[:200], size=checked.file.size
                )
                # the stored name is random (``RandomName``); only the extension of the real content is kept
                attachment.file.save(f"upload.{checked.extension}", checked.file, save=False)
                saved_files.append(attachment.file)
                attachment.save()
            application.record_event(to_status=AidStatus.SUBMITTED)
            notify_staff(application)
    except BaseException:
        for stored in saved_files:
            stored.storage.delete(stored.name)
        raise
    return application, code


def staff_to_notify():
    policy = ModelPermissionPolicy(LegalAidApplication)
    users = policy.users_with_permission("change").filter(is_active=True).exclude(email="")
    return [user for user in users if user.is_superuser or user.has_perm("legal_services.view_all_legalaidapplication")]


def notify_staff(application):
    recipients = [user.email for user in staff_to_notify()]
    targets = office_targets()
    if not recipients and not targets:
        return
    link = _edit_link(application)
    send_after_commit(
        f"新的法律援助申请 {application.tracking_number}",
        f"收到新的网上法律援助申请，受理编号 {application.tracking_number}，"
        f"请在 {application.review_deadline:%Y年%-m月%-d日} 前完成审查。\n\n办理：{link}\n",
        recipients,
        targets,
    )


def notify_lawyer(application):
    """Tell the assigned lawyer; only the tracking number travels by e-mail."""
    lawyer = application.assigned_lawyer
    if lawyer is None or not lawyer.email:
        return
    send_after_commit(
        f"法律援助案件指派 {application.tracking_number}",
        f"法律援助申请 {application.tracking_number} 已指派给您承办，请登录后台查看：\n{_edit_link(application)}\n",
        [lawyer.email],
    )


def _edit_link(application):
    return absolute_url(reverse("wagtailsnippets_legal_services_legalaidapplication:edit", args=[application.pk]))


QUERY_FAILURES = RateLimit("legal-aid-query-failures", QUERY_FAILURE_LIMIT, QUERY_FAILURE_WINDOW)
