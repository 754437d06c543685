"""Absolute links for e-mails: one base address for every mail the portal sends.

The base is ``PORTAL_BASE_URL`` when configured, otherwise the root URL of the default Wagtail
site (设置 → 站点: host name and port; port 443 means https). Mails are sent outside any
request, so they can never use the request's host.
"""

from django.conf import settings

from wagtail.models import Site


def base_url() -> str:
    """``https://www.example.gov.cn`` (no trailing slash)."""
    configured = getattr(settings, "PORTAL_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path: str) -> str:
    """``path`` (``/admin/…``) on the portal's address; a URL that is already absolute is returned unchanged."""
    if "://" in path:
        return path
    return base_url() + path


def page_url(page) -> str:
    """The public address of ``page`` on the portal's address."""
    url = page.get_url()
    return absolute_url(url) if url else ""
