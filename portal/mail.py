"""The one way the portal sends e-mail: after the change it reports is committed, logging any failure.

A failing mail server never undoes, repeats or breaks the request that caused
the mail: the data is stored before the mail is attempted, and a failure is
logged (with its traceback) instead of being raised or silently dropped.
"""

import logging
from collections.abc import Iterable
from functools import partial

from django.core.mail import send_mail
from django.db import transaction

logger = logging.getLogger(__name__)


def _recipients(addresses: Iterable[str]) -> list[str]:
    return sorted({address for address in addresses if address})


def send_now(subject: str, body: str, recipients: Iterable[str]) -> bool:
    """Send at once (for commands and callbacks already outside a transaction); False when it failed."""
    recipients = _recipients(recipients)
    if not recipients:
        return False
    try:
        send_mail(subject, body, None, recipients)
    except Exception:  # any backend error (SMTP, DNS, TLS) must not reach the caller; it is logged
        logger.exception("E-mail %r to %s could not be sent", subject, recipients)
        return False
    return True


def send_after_commit(subject: str, body: str, recipients: Iterable[str]) -> None:
    """Send once the current transaction commits (at once outside a transaction); nothing if it rolls back."""
    recipients = _recipients(recipients)
    if not recipients:
        logger.info("E-mail %r has no recipients and is not sent", subject)
        return
    transaction.on_commit(partial(send_now, subject, body, recipients))
