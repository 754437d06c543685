"""The django-tasks task that delivers outbox rows, and how it is enqueued and retried.

With the immediate backend (the default) the task runs inline once the change commits and the response
has been sent (``portal/after_response.py``); with the
database backend (``PORTAL_TASKS_BACKEND=database``) ``manage.py db_worker`` runs it and a failed
row is enqueued again for its ``next_attempt_at``. Either way ``manage.py deliver_outbox`` sends
whatever is due, so nothing depends on the queue alone.
"""

import logging
from functools import partial

from django_tasks import task

from ..after_response import run_after_response
from . import outbox

logger = logging.getLogger(__name__)


@task()
def deliver_messages(message_ids: list[int]) -> None:
    schedule_retries(outbox.deliver(message_ids))


def schedule_retries(messages) -> None:
    """Enqueue each failed row again for its retry time, where the backend can defer (else the command does)."""
    if not messages or not deliver_messages.get_backend().supports_defer:
        return
    for message in messages:
        enqueue(deliver_messages.using(run_after=message.next_attempt_at), [message.pk])


def enqueue_delivery(message_ids: list[int]) -> None:
    """Hands the rows to the queue once the response is out, so a request never waits for a mail server."""
    run_after_response(partial(enqueue, deliver_messages, message_ids))


def enqueue(runnable, message_ids: list[int]) -> None:
    try:
        runnable.enqueue(message_ids)
    except Exception:  # a queue that is down must not break the request; the rows stay due for deliver_outbox
        logger.exception("Delivery of outbox messages %s could not be enqueued", message_ids)
