"""Review e-mails: the item is online, it is overdue for confirmation, it has an error, it waits for a signature.

The unit's admin notification is the dashboard panel of pending confirmations (panels.py). Every
notice goes through ``portal.mail``: to e-mail and to the unit's (or the office's) group robots and
SMS mobile; a server that fails never blocks or undoes the publication or the report that caused it;
the notice goes out after the commit and a failure is logged and retried from the outbox.
"""

import logging

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse

from portal.links import absolute_url, page_url
from portal.mail import office_targets, send_after_commit, send_now

from .models import ReportedItem
from .permissions import OFFICE_GROUP

logger = logging.getLogger(__name__)


def unit_recipients(unit):
    return sorted({member.contact_email for member in unit.members.select_related("user") if member.contact_email})


def admin_url(path):
    return absolute_url(path)


def send_publication_notice(check):
    """Sent once the publication commits."""
    recipients = unit_recipients(check.unit)
    targets = check.unit.notification_targets()
    if not recipients and not targets:
        logger.warning("Reporting unit %s has no email address for publication notices", check.unit_id)
        return False
    page = check.page.specific
    context = {
        "check": check,
        "page": page,
        "page_url": page_url(page),
        "checks_url": admin_url(reverse("review:my_checks")),
    }
    subject = f"【信息已发布】{page.title}"
    body = render_to_string("review/email/published.txt", context)
    send_after_commit(subject, body, recipients, targets)
    return True


def send_overdue_reminder(unit, checks):
    """Sent at once (a daily command); False when the unit has no address or sending failed."""
    recipients = unit_recipients(unit)
    targets = unit.notification_targets()
    if not recipients and not targets:
        return False
    body = render_to_string(
        "review/email/overdue.txt",
        {"unit": unit, "checks": checks, "checks_url": admin_url(reverse("review:my_checks"))},
    )
    # A reminder that fails is logged and retried on the next run.
    return send_now(f"【复查提醒】{unit.name}有{len(checks)}条已发布信息超期未复查", body, recipients, targets)


def send_error_report(check):
    """Tell the office reviewers, once the report commits, that a unit found an error in its published item."""
    recipients = sorted(
        set(
            get_user_model()
            .objects.filter(groups__name=OFFICE_GROUP, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    )
    targets = office_targets()
    if not recipients and not targets:
        return False
    body = render_to_string("review/email/error_reported.txt", {"check": check})
    send_after_commit(f"【信息纠错】{check.unit.name}报告“{check.page.title}”有误", body, recipients, targets)
    return True


def send_sign_request(task_state):
    """Ask the unit's leaders, once the submission commits, to sign an item their correspondent submitted."""
    page_id = int(task_state.workflow_state.object_id)
    reported = ReportedItem.objects.filter(page_id=page_id).select_related("unit", "page").first()
    if reported is None:
        return False
    recipients = sorted({m.contact_email for m in reported.unit.leaders().select_related("user") if m.contact_email})
    targets = reported.unit.notification_targets()
    if not recipients and not targets:
        return False
    body = render_to_string(
        "review/email/sign_request.txt",
        {
            "reported": reported,
            "task_state": task_state,
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page_id])),
        },
    )
    # The item waits on the leaders' dashboard whether or not the email goes out.
    send_after_commit(f"【待签字】{reported.page.title}", body, recipients, targets)
    return True
