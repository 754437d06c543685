"""Work that a request queues runs after its response has been sent to the browser.

A citizen's receipt (with the query code that exists nowhere else in plain text) must reach them before
any mail server is tried: a slow or silent server then delays nobody's page. ``run_after_response``
keeps a callback until Django's ``request_finished`` signal, which the WSGI server sends once it has
written the response; outside a request (commands, the task worker, tests without a client) it runs
at once.
"""

import logging
import threading

from django.core.signals import request_finished
from django.dispatch import receiver

logger = logging.getLogger(__name__)
_state = threading.local()


def run_after_response(callback) -> None:
    callbacks = getattr(_state, "callbacks", None)
    if callbacks is None:
        callback()
    else:
        callbacks.append(callback)


class AfterResponseMiddleware:
    """Opens the list of callbacks for the request; the first middleware, so it covers every view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _state.callbacks = []
        return self.get_response(request)


@receiver(request_finished, dispatch_uid="portal.after_response")
def run_callbacks(sender, **kwargs):
    callbacks, _state.callbacks = getattr(_state, "callbacks", None), None
    for callback in callbacks or ():
        try:
            callback()
        except Exception:  # one failing callback must not stop the others; the outbox keeps what was not sent
            logger.exception("Work queued for after the response failed")
