"""Telling a reporting unit that its item is online: an email after the publication commits.

The unit's admin notification is the dashboard panel of pending confirmations (panels.py). A mail
server that fails never blocks or undoes the publication: the email goes out after the commit, and
a failure is logged for the office to follow up.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.mail import send_mail

from .models import ReportedItem
from .permissions import OFFICE_GROUP

logger = logging.getLogger(__name__)


def unit_recipients(unit):
    return sorted({member.contact_email for member in unit.members.select_related("user") if member.contact_email})


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_publication_notice(check):
    recipients = unit_recipients(check.unit)
    if not recipients:
        logger.warning("Reporting unit %s has no email address for publication notices", check.unit_id)
        return False
    page = check.page.specific
    context = {
        "check": check,
        "page": page,
        "page_url": page.full_url or "",
        "checks_url": admin_url(reverse("review:my_checks")),
    }
    subject = f"【信息已发布】{page.title}"
    body = render_to_string("review/email/published.txt", context)
    try:
        send_mail(subject, body, recipients)
    except Exception:  # any backend error: the publication stands, the failure is logged
        logger.exception("Publication notice for page %s to unit %s failed", page.pk, check.unit_id)
        return False
    return True


def send_overdue_reminder(unit, checks):
    recipients = unit_recipients(unit)
    if not recipients:
        return False
    body = render_to_string(
        "review/email/overdue.txt",
        {"unit": unit, "checks": checks, "checks_url": admin_url(reverse("review:my_checks"))},
    )
    try:
        send_mail(f"【复查提醒】{unit.name}有{len(checks)}条已发布信息超期未复查", body, recipients)
    except Exception:  # a reminder that fails is logged and retried on the next run
        logger.exception("Overdue reminder to unit %s failed", unit.pk)
        return False
    return True


def send_error_report(check):
    """Tell the office reviewers that a unit found an error in its published item."""
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(groups__name=OFFICE_GROUP, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    if not recipients:
        return False
    body = render_to_string("review/email/error_reported.txt", {"check": check})
    try:
        send_mail(f"【信息纠错】{check.unit.name}报告“{check.page.title}”有误", body, recipients)
    except Exception:  # the error report is saved; only the email failed
        logger.exception("Error report notice for check %s failed", check.pk)
        return False
    return True


def send_sign_request(task_state):
    """Ask the unit's leaders to sign an item their correspondent submitted."""
    page_id = int(task_state.workflow_state.object_id)
    reported = ReportedItem.objects.filter(page_id=page_id).select_related("unit", "page").first()
    if reported is None:
        return False
    recipients = sorted({m.contact_email for m in reported.unit.leaders().select_related("user") if m.contact_email})
    if not recipients:
        return False
    body = render_to_string(
        "review/email/sign_request.txt",
        {
            "reported": reported,
            "task_state": task_state,
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page_id])),
        },
    )
    try:
        send_mail(f"【待签字】{reported.page.title}", body, recipients)
    except Exception:  # the item waits on the leaders' dashboard whether or not the email goes out
        logger.exception("Sign request for page %s failed", page_id)
        return False
    return True
