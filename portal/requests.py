"""Request ids and the log lines that carry them.

Every response gets ``X-Request-ID``: the proxy's (nginx ``proxy_set_header X-Request-ID $request_id``)
when it is a sane token, else a new one. Log records made while the request runs carry it as
``request_id``, so a visitor's "error 500, request id …" leads to the one line that explains it.
``OneLineFormatter`` and ``JsonFormatter`` keep every record, traceback included, on one line.
"""

import contextvars
import json
import logging
import re
import uuid

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_current_id = contextvars.ContextVar("request_id", default="-")


def current_request_id() -> str:
    return _current_id.get()


class RequestIdMiddleware:
    """First in the chain, so every later middleware's log lines and every error response carry the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.id = incoming if _VALID_ID.match(incoming) else uuid.uuid4().hex
        token = _current_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            _current_id.reset(token)
        response[REQUEST_ID_HEADER] = request.id
        return response


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (``-`` outside a request); Django's request log passes the request."""

    def filter(self, record):
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "id", None) or current_request_id()
        return True


class OneLineFormatter(logging.Formatter):
    """The plain format, with a traceback folded onto the record's line (`` | `` between its lines)."""

    def __init__(self, fmt="%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s", **kwargs):
        super().__init__(fmt, **kwargs)

    def format(self, record):
        record.request_id = getattr(record, "request_id", "-")
        return super().format(record).replace("\n", " | ")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, request id, message, and the traceback if any."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
