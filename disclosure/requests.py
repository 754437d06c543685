"""Taking in 依申请公开 requests: stored with their first history entry in one transaction, then staff are told."""

from django.db import transaction
from django.urls import reverse

from wagtail.permission_policies import ModelPermissionPolicy

from portal.links import absolute_url
from portal.mail import office_targets, send_after_commit

from .models import InformationRequest, RequestStatus

FIELDS = (
    "applicant_type",
    "applicant_name",
    "id_number",
    "phone",
    "email",
    "address",
    "description",
    "medium",
    "delivery",
)


@transaction.atomic
def create_request(data):
    """Store a valid request; returns ``(request, plain query code)``."""
    created = InformationRequest(
        tracking_number=InformationRequest.new_tracking_number(),
        submission_key=data["submission_key"],
        **{name: data.get(name) or "" for name in FIELDS},
    )
    code = created.issue_query_code()
    created.save(force_insert=True)
    created.record_event(to_status=RequestStatus.RECEIVED)
    notify_staff(created)
    return created, code


def notify_staff(created):
    users = ModelPermissionPolicy(InformationRequest).users_with_permission("change").filter(is_active=True)
    recipients = [user.email for user in users.exclude(email="")]
    targets = office_targets()
    if not recipients and not targets:
        return
    link = absolute_url(reverse("wagtailsnippets_disclosure_informationrequest:edit", args=[created.pk]))
    send_after_commit(
        f"新的政府信息公开申请 {created.tracking_number}",
        f"收到政府信息公开申请 {created.tracking_number}，法定答复期限为 "
        f"{created.reply_deadline:%Y年%-m月%-d日}。\n\n办理：{link}\n",
        recipients,
        targets,
    )
