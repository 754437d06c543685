"""What the columns add to the front-cache purge of a page (portal/frontend_cache.py) and to 网站健康检查
(portal/site_inspection.py)."""

from math import ceil

from django.conf import settings
from django.urls import reverse

from wagtail import hooks

from .inspection import inspect_columns
from .models import ColumnItem, ColumnPage


@hooks.register("portal_frontend_cache_urls")
def column_cache_urls(page):
    """A column's feed; for an item also its print view and the listing pages it may be on (nginx keeps
    ``?page=N`` only up to ``PORTAL_FRONTEND_CACHE_MAX_LISTING_PAGE``, so no more are purged)."""
    if isinstance(page, ColumnPage):
        return [reverse("columns:feed", args=[page.pk])]
    if not isinstance(page, ColumnItem):
        return []
    urls = [reverse("columns:print", args=[page.pk])]
    column = page.column
    if column is not None:
        column = column.specific_deferred
        urls.append(reverse("columns:feed", args=[column.pk]))
        column_url = column.get_url()
        if column_url:
            # One more page than the items fill: an unpublished item shortens the listing.
            pages = ceil(column.items().count() / column.items_per_page) + 1
            last = min(pages, settings.PORTAL_FRONTEND_CACHE_MAX_LISTING_PAGE)
            urls.extend(f"{column_url}?page={number}" for number in range(1, last + 1))
    return urls


hooks.register("register_site_inspection", inspect_columns)
