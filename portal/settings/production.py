"""Production: only what differs from base. Refuses to start without a secret key."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_str, stop

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    stop("SECRET_KEY is not set; production needs a random value of 50 or more characters")
if len(SECRET_KEY) < 50:
    stop("SECRET_KEY is shorter than 50 characters")
# Legal-aid personal data is encrypted only with keys from LEGAL_DATA_KEYS here; without them the
# online legal-aid form stays closed (see legal_services/crypto.py).
LEGAL_DATA_KEYS_FROM_SECRET_KEY = False

# Behind the committee's reverse proxy, which terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its preview views SAMEORIGIN itself
# The load balancer probes /healthz over plain HTTP on the app servers' own port.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Logging (issue 14): WARNING by default, the framework's and the task queue's chatter included;
# every record on one line with the request id (portal/requests.py), JSON objects with PORTAL_LOG_JSON.
# A failed request is one line: Django's request log (4xx WARNING, 5xx ERROR with its traceback folded).
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.requests.RequestIdFilter"}},
    "formatters": {
        "line": {"()": "portal.requests.OneLineFormatter"},
        "json": {"()": "portal.requests.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if PORTAL_LOG_JSON else "line",  # noqa: F405
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        name: {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False}
        for name in ("django", "django.request", "django_tasks", "django_tasks_db", "wagtail")
    },
}
