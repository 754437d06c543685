"""Storing notices in the outbox and delivering them with retries.

``queue`` writes the rows in the caller's transaction, so a rolled-back change leaves no notice
behind; ``deliver`` claims each row, sends it through its channel and records the outcome. A
destination that just failed (the SMTP server, a robot's host, the SMS gateway) is not tried again
for ``NOTIFY_CIRCUIT_SECONDS`` (noted in the cache, so every worker sharing it knows): the following
notices wait for their retry instead of each request waiting for the same timeout again.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .channels import channel_for
from .models import ChannelKind, OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

# How long a row being sent is reserved for its sender; after that another run may take it again.
SENDING_LEASE = timedelta(minutes=10)
DUE = (OutboxStatus.PENDING, OutboxStatus.SENDING)


@dataclass(frozen=True)
class Target:
    """Somewhere besides e-mail a notice goes: a 企业微信/钉钉 robot URL (with 钉钉's signing secret) or a mobile."""

    channel: str
    address: str
    secret: str = ""


def office_targets() -> list[Target]:
    """The office's own robots and mobiles, from settings (``NOTIFY_OFFICE_*``)."""
    targets = []
    if settings.NOTIFY_OFFICE_WECOM_WEBHOOK:
        targets.append(Target(ChannelKind.WECOM, settings.NOTIFY_OFFICE_WECOM_WEBHOOK))
    if settings.NOTIFY_OFFICE_DINGTALK_WEBHOOK:
        secret = settings.NOTIFY_OFFICE_DINGTALK_SECRET
        targets.append(Target(ChannelKind.DINGTALK, settings.NOTIFY_OFFICE_DINGTALK_WEBHOOK, secret))
    targets += [Target(ChannelKind.SMS, phone) for phone in settings.NOTIFY_OFFICE_SMS_PHONES]
    return targets


def queue(subject: str, body: str, emails=(), targets=()) -> list[int]:
    """Store one row for the e-mail (to every address at once) and one per other target; returns their ids."""
    rows = []
    addresses = sorted({address.strip() for address in emails if address and address.strip()})
    if addresses:
        rows.append(OutboxMessage(channel=ChannelKind.EMAIL, recipient=", ".join(addresses)))
    for target in dict.fromkeys(targets):
        if target.address:
            rows.append(OutboxMessage(channel=target.channel, recipient=target.address, secret=target.secret))
    for row in rows:
        row.subject = subject[:300]
        row.body = body
        row.save(force_insert=True)
    return [row.pk for row in rows]


def retry_delay(attempts: int) -> timedelta:
    """Doubling from ``NOTIFY_RETRY_DELAY`` seconds after each failure, at most ``NOTIFY_RETRY_MAX_DELAY``."""
    seconds = settings.NOTIFY_RETRY_DELAY * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, settings.NOTIFY_RETRY_MAX_DELAY))


def destination(message: OutboxMessage) -> str:
    if message.channel in (ChannelKind.WECOM, ChannelKind.DINGTALK):
        return f"{message.channel}:{urlsplit(message.recipient).netloc}"
    return message.channel


def circuit_key(message: OutboxMessage) -> str:
    return f"notify-circuit:{hashlib.sha256(destination(message).encode()).hexdigest()[:32]}"


def due_ids(limit: int | None = None) -> list[int]:
    due = OutboxMessage.objects.filter(status__in=DUE, next_attempt_at__lte=timezone.now()).order_by("next_attempt_at")
    return list(due.values_list("pk", flat=True)[:limit])


def claim(pk: int) -> OutboxMessage | None:
    """Take a due row for this run, or None when it is not due or another run took it first."""
    now = timezone.now()
    taken = OutboxMessage.objects.filter(pk=pk, status__in=DUE, next_attempt_at__lte=now).update(
        status=OutboxStatus.SENDING, next_attempt_at=now + SENDING_LEASE
    )
    return OutboxMessage.objects.get(pk=pk) if taken else None


def deliver(ids) -> list[OutboxMessage]:
    """Send the due rows among ``ids``; returns those that failed and wait for a retry."""
    retrying = []
    for pk in ids:
        message = claim(pk)
        if message is None:
            continue
        if cache.get(circuit_key(message)):
            message.status = OutboxStatus.PENDING
            message.next_attempt_at = timezone.now() + retry_delay(message.attempts + 1)
            message.save(update_fields=["status", "next_attempt_at"])
            retrying.append(message)
            continue
        channel = channel_for(message.channel)
        message.attempts += 1
        try:
            channel.send(message)
        except Exception as error:  # any channel error (SMTP, HTTP, gateway) is recorded, never raised
            cache.set(circuit_key(message), True, settings.NOTIFY_CIRCUIT_SECONDS)
            record_failure(message, channel, error)
            if message.status == OutboxStatus.PENDING:
                retrying.append(message)
        else:
            message.status = OutboxStatus.SENT
            message.sent_at = timezone.now()
            message.save(update_fields=["status", "attempts", "sent_at"])
    return retrying


def record_failure(message: OutboxMessage, channel, error: Exception) -> None:
    gives_up = message.attempts >= settings.NOTIFY_MAX_ATTEMPTS
    message.last_error = f"{error.__class__.__name__}: {error}"[:2000]
    message.status = OutboxStatus.FAILED if gives_up else OutboxStatus.PENDING
    message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
    message.save(update_fields=["status", "attempts", "last_error", "next_attempt_at"])
    # Logged under the channel's module (portal.mail for e-mail), where operators look for it.
    logging.getLogger(type(channel).__module__).exception(
        "%s %r to %s could not be sent (attempt %d of %d%s)",
        channel.label or message.channel,
        message.subject,
        message.recipient_display,
        message.attempts,
        settings.NOTIFY_MAX_ATTEMPTS,
        ", giving up" if gives_up else "",
    )
