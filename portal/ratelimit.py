"""A small fixed-window rate limiter on Django's cache, usable by any app.

    limit = RateLimit("mailbox-submit-ip", 5, 3600)
    if limit.exceeded(ip):
        ...refuse...
    limit.hit(ip)

Counters live in the default cache; with several workers that cache must be
shared (Redis, see README), otherwise each worker counts alone. The window
starts at the first hit and is not extended by later ones.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache


class RateLimit:
    def __init__(self, name, limit, window):
        self.name = name
        self.limit = limit
        self.window = window

    def _key(self, identity):
        digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
        return f"ratelimit:{self.name}:{digest}"

    def count(self, identity):
        return cache.get(self._key(identity), 0)

    def exceeded(self, identity):
        """Whether ``identity`` has used up its allowance in the current window."""
        return self.count(identity) >= self.limit

    def hit(self, identity):
        """Count one use; returns the count in the current window."""
        key = self._key(identity)
        if cache.add(key, 1, self.window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, self.window)
            return 1

    def reset(self, identity):
        cache.delete(self._key(identity))


def client_ip(request):
    """The address the request came from.

    Behind a reverse proxy every request arrives from the proxy, so set
    ``RATELIMIT_CLIENT_IP_HEADER`` to the header the proxy fills in, e.g.
    ``"HTTP_X_REAL_IP"`` or ``"HTTP_X_FORWARDED_FOR"`` (its last entry, the one
    the trusted proxy appended, is used). Unset, ``REMOTE_ADDR`` is used.
    """
    header = getattr(settings, "RATELIMIT_CLIENT_IP_HEADER", None)
    if header and request.META.get(header, "").strip():
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"
