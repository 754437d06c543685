"""Purging the front cache (nginx ``proxy_cache``, deploy/nginx/) when what a page shows changes.

Anonymous pages are kept by nginx for ``PORTAL_CACHE_S_MAXAGE`` seconds (portal/cache_headers.py); this
module makes that safe by sending nginx a ``PURGE`` for every address a change makes stale, once the
change has committed:

- publishing, unpublishing, moving or deleting a page (scheduled publishing included: it sends
  ``page_published``) purges the page, each ancestor (the home page and the column listings), the
  sitemap and whatever the apps name through the ``portal_frontend_cache_urls`` hook (a column adds its
  feed, its listing pages and the item's print view);
- the home page and the columns are in every page's navigation, and a site setting (网站信息) is in every
  page's footer: changing one of them purges every page the site has (a task: with the database task
  backend the worker does it).

A second purge of the same addresses follows ``PORTAL_FRONTEND_CACHE_REPURGE_MS`` later, so that a
page rendered from the old data by a request already running at the commit, and stored after the first
purge, does not stay. Nothing is sent when ``PORTAL_FRONTEND_CACHE_URLS`` names no nginx.
"""

import http.client
import logging
import threading
from urllib.parse import urlsplit

from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.utils.encoding import iri_to_uri

from wagtail import hooks
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

logger = logging.getLogger(__name__)

URLS_HOOK = "portal_frontend_cache_urls"
"""Hook: ``fn(page)`` returns more paths (``/columns/3/feed/``) or full URLs that show ``page``."""

NAVIGATION_DEPTH = 3
"""The root is depth 1, the home page 2, the columns 3: these appear on every page (navigation)."""


PURGE_PREFIX = "/_purge"
"""deploy/nginx/portal.conf removes ``<path>`` from its cache on a request for ``/_purge<path>``."""


class NginxPurgeBackend(BaseBackend):
    """Sends ``PURGE /_purge<path>`` with the page's ``Host`` to one nginx (ngx_cache_purge, Debian's
    libnginx-mod-http-cache-purge) over one kept-alive connection. nginx answers 404 for an address it
    does not hold, which is not an error: most purged addresses were never cached."""

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.connection_class = (
            http.client.HTTPSConnection if location.scheme == "https" else http.client.HTTPConnection
        )
        self.netloc = location.netloc
        self.timeout = params.get("TIMEOUT", 5)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection = self.connection_class(self.netloc, timeout=self.timeout)
        try:
            for url in urls:
                parts = urlsplit(iri_to_uri(url))
                path = PURGE_PREFIX + parts.path + (f"?{parts.query}" if parts.query else "")
                connection.request("PURGE", path, headers={"Host": parts.netloc})
                response = connection.getresponse()
                response.read()
                if response.status not in (200, 404):
                    logger.error("nginx %s did not purge %s: HTTP %s", self.netloc, url, response.status)
        except OSError as error:
            logger.error("nginx %s did not purge %d addresses: %s", self.netloc, len(urls), error)
        finally:
            connection.close()


def purge_urls(urls) -> None:
    """Purges ``urls`` from every configured nginx now."""
    urls = sorted(set(urls))
    if not urls:
        return
    for backend in get_backends().values():
        backend.purge_batch(urls)


def site_root_url(page) -> str | None:
    """``http://host[:port]`` of the site ``page`` belongs to, or None when it has no address."""
    parts = page.get_url_parts()
    return parts[1] if parts else None


def urls_for_page(page) -> set[str]:
    """Every address that shows ``page``: its own, its ancestors', the hooks', the sitemap."""
    page = page.specific_deferred
    root_url = site_root_url(page)
    if root_url is None:
        return set()
    urls = {page.full_url + path.lstrip("/") for path in page.get_cached_paths()}
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        ancestor_url = ancestor.get_full_url()
        if ancestor_url:
            urls.add(ancestor_url)
    for hook in hooks.get_hooks(URLS_HOOK):
        urls.update(root_url + url if url.startswith("/") else url for url in hook(page))
    urls.update(root_url + path for path in settings.PORTAL_FRONTEND_CACHE_ALWAYS_PURGE)
    return urls


def urls_for_everything() -> set[str]:
    """Every address of every live page of every site, with what the hooks add for each."""
    urls = set()
    for site in Site.objects.all():
        root_url = site.root_url
        urls.update(root_url + path for path in settings.PORTAL_FRONTEND_CACHE_ALWAYS_PURGE)
    for page in Page.objects.live().filter(depth__gt=1).specific(defer=True).iterator(chunk_size=2000):
        root_url = site_root_url(page)
        if root_url is None:
            continue
        urls.update(page.full_url + path.lstrip("/") for path in page.get_cached_paths())
        for hook in hooks.get_hooks(URLS_HOOK):
            urls.update(root_url + url if url.startswith("/") else url for url in hook(page))
    return urls


@task()
def purge_everything() -> None:
    """Purges every page of the site (after a navigation, home or 网站信息 change)."""
    if get_backends():
        _purge_twice(urls_for_everything())


def _purge_twice(urls) -> None:
    purge_urls(urls)
    delay = settings.PORTAL_FRONTEND_CACHE_REPURGE_MS
    if delay > 0:
        timer = threading.Timer(delay / 1000, purge_urls, [urls])
        timer.daemon = True
        timer.start()


def _everything_scheduled() -> bool:
    connection = transaction.get_connection()
    return connection.in_atomic_block and any(
        func is _enqueue_everything for _sids, func, _robust in connection.run_on_commit
    )


def _enqueue_everything() -> None:
    purge_everything.enqueue()


def purge_everything_on_commit() -> None:
    """Purges the whole site once the current transaction commits (once, however often it is asked)."""
    if get_backends() and not _everything_scheduled():
        transaction.on_commit(_enqueue_everything)


def purge_page_on_commit(page) -> None:
    """Purges the addresses showing ``page`` as they are now and again once the transaction commits."""
    if not get_backends() or _everything_scheduled():
        return
    if page.depth <= NAVIGATION_DEPTH:
        purge_everything_on_commit()
        return
    urls = urls_for_page(page)
    transaction.on_commit(lambda: _purge_twice(urls))


def _page_changed(sender, instance, **kwargs):
    purge_page_on_commit(instance)


def _page_moving(sender, instance, **kwargs):
    """Before the move: the old address and the old parents' listings (a page with children: all)."""
    if instance.get_descendants().live().exists():
        purge_everything_on_commit()
    elif instance.live:
        purge_page_on_commit(instance)


def _page_moved(sender, instance, **kwargs):
    if instance.live:
        purge_page_on_commit(Page.objects.get(pk=instance.pk))


def _page_deleting(sender, instance, **kwargs):
    if not instance.live or _everything_scheduled():
        return
    if instance.numchild:
        purge_everything_on_commit()
    else:
        purge_page_on_commit(instance)


def _setting_saved(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting):
        purge_everything_on_commit()


def connect_signals() -> None:
    """Called from ``PortalConfig.ready``; every page type sends Wagtail's page signals with its class."""
    page_published.connect(_page_changed, dispatch_uid="portal-frontend-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="portal-frontend-cache-unpublished")
    pre_page_move.connect(_page_moving, dispatch_uid="portal-frontend-cache-moving")
    post_page_move.connect(_page_moved, dispatch_uid="portal-frontend-cache-moved")
    pre_delete.connect(_page_deleting, sender=Page, dispatch_uid="portal-frontend-cache-deleting")
    post_save.connect(_setting_saved, dispatch_uid="portal-frontend-cache-setting")
