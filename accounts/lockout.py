"""django-axes glue: which address a login comes from, which names and addresses are locked, unlocking."""

import ipaddress
from dataclasses import dataclass
from datetime import datetime

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt

from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from portal.ratelimit import client_ip


def client_ip_address(request):
    """The client address for axes: the one the rate limits use (``RATELIMIT_CLIENT_IP_HEADER`` behind
    the proxy, else ``REMOTE_ADDR``), or None when it is not an IP address (the column is an inet on
    PostgreSQL, and a malformed header must not turn a login into a server error)."""
    address = client_ip(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


@dataclass
class Lock:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_failure: datetime
    until: datetime

    @property
    def kind_label(self):
        return "账号" if self.kind == "username" else "来源地址"


def current_locks():
    """Account names and addresses locked now: as many failures as the limit within the cool-off window."""
    cool_off = get_cool_off()
    attempts = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
    limit = get_failure_limit(None, None)
    locks = []
    for kind in ("username", "ip_address"):
        rows = (
            attempts.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            .filter(failures__gte=limit)
            .order_by("-last")
        )
        locks += [Lock(kind, row[kind], row["failures"], row["last"], row["last"] + cool_off) for row in rows]
    return locks


def unlock(username=None, ip_address=None):
    """Forget the failures of an account name and/or an address; returns how many records were removed."""
    count = 0
    if username:
        count += AxesProxyHandler.reset_attempts(username=username)
    if ip_address:
        count += AxesProxyHandler.reset_attempts(ip_address=ip_address)
    return count


def lockout_response(request, original_response=None, credentials=None):
    """The Chinese page a locked-out login gets (``AXES_LOCKOUT_CALLABLE``), with HTTP 429."""
    cool_off = get_cool_off(request)
    context = {"failure_limit": get_failure_limit(request, credentials), "minutes": int(cool_off.total_seconds() // 60)}
    return render(request, "accounts/locked_out.html", context, status=429)
