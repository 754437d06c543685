"""The mailbox's settings, each with its default; override any of them in the Django settings.

=====================================  =========  =====================================================
setting                                default    meaning
=====================================  =========  =====================================================
MAILBOX_TITLE_MIN_LENGTH               10         shortest title, in characters
MAILBOX_TITLE_MAX_LENGTH               25         longest title
MAILBOX_CONTENT_MAX_LENGTH             600        longest letter text
MAILBOX_ATTACHMENT_MAX_BYTES           1 MB       largest attachment (each)
MAILBOX_ATTACHMENT_MAX_COUNT           3          attachments per letter
MAILBOX_REPLY_WORKDAYS                 5          working days from receipt to the reply deadline
MAILBOX_RATING_WORKDAYS                20         working days the writer has to rate; unrated counts as 满意
MAILBOX_WARNING_DAYS                   30         an open letter this many days old is flagged on the dashboard
MAILBOX_DUE_SOON_WORKDAYS              2          deadlines this close are shown as "即将到期"
MAILBOX_SUBMIT_LIMIT_PER_IP            (5, 3600)  letters per IP address per window (seconds)
MAILBOX_SUBMIT_LIMIT_PER_PHONE         (3, 86400) letters per phone number per window
MAILBOX_QUERY_FAILURES_PER_IP          (10, 900)  wrong number/code pairs per IP per window
MAILBOX_QUERY_FAILURES_PER_NUMBER      (3, 3600)  wrong codes for one letter number before its query needs a captcha
MAILBOX_PAGE_SIZE                      10         letters per page of the public listing
=====================================  =========  =====================================================

Files attached to letters are kept under ``PRIVATE_MEDIA_ROOT`` (see portal/settings/base.py), which
the reverse proxy must not serve. Behind a proxy, set ``RATELIMIT_CLIENT_IP_HEADER`` (see portal/ratelimit.py)
so that the per-IP limits count visitors, not the proxy. ``manage.py mailbox_reminders`` (daily, from
cron) mails units and the mailbox office about letters due soon, overdue or open for too long.
"""

from django.conf import settings

DEFAULTS = {
    "TITLE_MIN_LENGTH": 10,
    "TITLE_MAX_LENGTH": 25,
    "CONTENT_MAX_LENGTH": 600,
    "ATTACHMENT_MAX_BYTES": 1024 * 1024,
    "ATTACHMENT_MAX_COUNT": 3,
    "REPLY_WORKDAYS": 5,
    "RATING_WORKDAYS": 20,
    "WARNING_DAYS": 30,
    "DUE_SOON_WORKDAYS": 2,
    "SUBMIT_LIMIT_PER_IP": (5, 3600),
    "SUBMIT_LIMIT_PER_PHONE": (3, 86400),
    "QUERY_FAILURES_PER_IP": (10, 900),
    "QUERY_FAILURES_PER_NUMBER": (3, 3600),
    "PAGE_SIZE": 10,
}


def setting(name):
    """``settings.MAILBOX_<name>`` if set, else the default above; read on every call so tests can override."""
    return getattr(settings, f"MAILBOX_{name}", DEFAULTS[name])
