"""Taking in legal-aid applications and answering applicants' status queries.

An application, its attachments and its first history entry are stored in one
transaction; files written before a failure are removed again, so a failed
submission leaves nothing behind. Staff are told by e-mail once it is stored;
the e-mail carries the tracking number only, never the applicant's data.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from wagtail.permission_policies import ModelPermissionPolicy

from portal.ratelimit import RateLimit, client_ip
from portal.serials import daily_reference, find_by_code, hash_query_code, new_query_code

from .models import AidStatus, LegalAidApplication, LegalAidAttachment, LegalAidEvent
from .models.legal_aid import TRACKING_PREFIX

QUERY_FAILURE_LIMIT = 10
QUERY_FAILURE_WINDOW = 15 * 60


def create_application(data):
    """Store a valid application; returns ``(application, plain query code)``."""
    code = new_query_code()
    saved_files = []
    try:
        with transaction.atomic():
            application = LegalAidApplication.objects.create(
                tracking_number=daily_reference(TRACKING_PREFIX),
                query_code_hash=hash_query_code(code),
                applicant_name=data["applicant_name"],
                id_number=data["id_number"],
                phone=data["phone"],
                address=data["address"],
                case_type=data["case_type"],
                facts=data["facts"],
                hardship_basis=data["hardship_basis"],
                hardship_details=data.get("hardship_details", ""),
            )
            for upload in data.get("attachments") or []:
                attachment = LegalAidAttachment(
                    application=application, original_name=upload.name[:200], size=upload.size
                )
                attachment.file.save(upload.name, upload, save=False)
                saved_files.append(attachment.file)
                attachment.save()
            LegalAidEvent.objects.create(application=application, to_status=AidStatus.SUBMITTED)
            transaction.on_commit(lambda: notify_staff(application))
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
    recipients = sorted({user.email for user in staff_to_notify()})
    if not recipients:
        return
    link = _edit_link(application)
    send_mail(
        f"新的法律援助申请 {application.tracking_number}",
        f"收到新的网上法律援助申请，受理编号 {application.tracking_number}，"
        f"请在 {application.review_deadline:%Y年%-m月%-d日} 前完成审查。\n\n办理：{link}\n",
        None,
        recipients,
        fail_silently=True,
    )


def notify_lawyer(application):
    """Tell the assigned lawyer; only the tracking number travels by e-mail."""
    lawyer = application.assigned_lawyer
    if lawyer is None or not lawyer.email:
        return
    send_mail(
        f"法律援助案件指派 {application.tracking_number}",
        f"法律援助申请 {application.tracking_number} 已指派给您承办，请登录后台查看：\n{_edit_link(application)}\n",
        None,
        [lawyer.email],
        fail_silently=True,
    )


def _edit_link(application):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "wagtailsnippets_legal_services_legalaidapplication:edit", args=[application.pk]
    )


QUERY_FAILURES = RateLimit("legal-aid-query-failures", QUERY_FAILURE_LIMIT, QUERY_FAILURE_WINDOW)


def query_blocked(request):
    return QUERY_FAILURES.exceeded(client_ip(request))


def record_query_failure(request):
    QUERY_FAILURES.hit(client_ip(request))


def find_application(tracking_number, query_code):
    """The application for this number and code, or None; an unknown number costs the same as a wrong code."""
    return find_by_code(LegalAidApplication.objects.all(), "tracking_number", tracking_number, query_code)
