"""The one way the portal sends notices: stored in the outbox with the change, delivered after the commit.

A failing or hanging mail server never undoes, repeats or breaks the request that caused the notice:
the data and the outbox rows are committed first, delivery waits at most ``EMAIL_TIMEOUT``, and a
failure is logged and recorded on the row for a retry (``portal.notify``). Besides e-mail a notice
goes to every ``Target`` given: a unit's or the office's 企业微信/钉钉 robot or SMS mobile.
"""

import logging
from collections.abc import Iterable
from functools import partial

from django.core.mail import send_mail
from django.db import transaction

from .notify.channels import Channel
from .notify.models import OutboxMessage, OutboxStatus
from .notify.outbox import Target, deliver, office_targets, queue
from .notify.tasks import enqueue_delivery, schedule_retries

__all__ = ["EmailChannel", "Target", "office_targets", "send_after_commit", "send_now"]

logger = logging.getLogger(__name__)


class EmailChannel(Channel):
    """One mail to all the row's addresses, through Django's mail backend (SMTP waits at most EMAIL_TIMEOUT)."""

    label = "E-mail"

    def send(self, message) -> None:
        send_mail(message.subject, message.body, None, [address.strip() for address in message.recipient.split(",")])


def send_now(subject: str, body: str, recipients: Iterable[str], targets: Iterable[Target] = ()) -> bool:
    """Send at once (for commands and callbacks already outside a transaction); False when anything failed.

    What failed stays in the outbox and is retried.
    """
    ids = queue(subject, body, recipients, targets)
    if not ids:
        return False
    schedule_retries(deliver(ids))
    return not OutboxMessage.objects.filter(pk__in=ids).exclude(status=OutboxStatus.SENT).exists()


def send_after_commit(subject: str, body: str, recipients: Iterable[str], targets: Iterable[Target] = ()) -> None:
    """Queue now, deliver once the current transaction commits (at once outside one); nothing if it rolls back."""
    ids = queue(subject, body, recipients, targets)
    if not ids:
        logger.info("Notice %r has no recipients and is not sent", subject)
        return
    transaction.on_commit(partial(enqueue_delivery, ids))
