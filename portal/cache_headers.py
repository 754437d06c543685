"""Cache-Control on every public response, so that nginx (deploy/nginx/) may keep what every visitor sees
alike and never what belongs to one visitor.

A page is shared (``public, max-age, s-maxage``) only when nothing in it depends on the visitor: a GET
answered 200 for an anonymous visitor, that sets no cookie and used no CSRF token (forms, captchas). The
rest (forms, search, queries, anything for a logged-in user, previews, the admin) is marked
``private, no-store``. Wagtail pages, the feeds and the sitemap are purged when they change
(portal/frontend_cache.py) and are kept ``PORTAL_CACHE_S_MAXAGE`` seconds; other views, which nothing
purges, ``PORTAL_CACHE_VIEW_S_MAXAGE``.

Shared pages also lose the ``Vary: Cookie`` and ``Vary: Accept-Language`` that Django adds whatever the
page: SessionMiddleware adds the first as soon as anything looks at ``request.user`` (the userbar
does), LocaleMiddleware the second on every unprefixed path, although with
``prefix_default_language=False`` the language comes from the path alone. Left in place, they would
make nginx keep one copy per visitor's cookies.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

PURGED_ATTRIBUTE = "portal_purged_on_publish"
NEEDLESS_VARY = {"cookie", "accept-language"}


def purged_on_publish(view):
    """Marks a view whose responses portal/frontend_cache.py purges (feeds, sitemap): kept longer."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        setattr(request, PURGED_ATTRIBUTE, True)
        return view(request, *args, **kwargs)

    return wrapper


def mark_page_purged(page, request, serve_args, serve_kwargs):
    """``before_serve_page`` hook: every Wagtail page is purged on publish."""
    setattr(request, PURGED_ATTRIBUTE, True)


def is_personal(request, response) -> bool:
    """Whether the response belongs to this visitor alone."""
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(request, "is_preview", False):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)
    return False


def _admin(request) -> bool:
    return request.path_info.startswith(settings.PORTAL_CACHE_PRIVATE_PREFIXES)


class CacheHeadersMiddleware:
    """Sits outside the session, locale and CSRF middleware, so it sees the headers they added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            if "private" in response["Cache-Control"] or "no-store" in response["Cache-Control"]:
                patch_cache_control(response, private=True)
            return response
        if request.method not in ("GET", "HEAD") or _admin(request) or is_personal(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
            return response
        if response.status_code != 200:
            return response
        s_maxage = (
            settings.PORTAL_CACHE_S_MAXAGE
            if getattr(request, PURGED_ATTRIBUTE, False)
            else settings.PORTAL_CACHE_VIEW_S_MAXAGE
        )
        patch_cache_control(response, public=True, max_age=settings.PORTAL_CACHE_MAX_AGE, s_maxage=s_maxage)
        if response.has_header("Vary"):
            values = [value.strip() for value in response["Vary"].split(",")]
            kept = [value for value in values if value and value.lower() not in NEEDLESS_VARY]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
