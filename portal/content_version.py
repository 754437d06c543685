"""A number that changes whenever the public page tree changes, for caching what is counted over it.

Counting a listing of 100,000 items or every page of the sitemap costs as much as the tree is
big; the counts are cached under keys that carry ``current()``, and publishing, unpublishing,
moving or deleting any page calls ``bump()`` (connected in ``PortalConfig.ready``), so no count
outlives the tree it was taken from. Shared by every process through the default cache (Redis in
production); the caches' own timeouts bound what changes without a signal (an item whose
listing ends with time).
"""

from django.core.cache import cache

from wagtail.models import Page

KEY = "portal:content-version"


def current() -> int:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    return version


def bump(**kwargs) -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # never set: nothing was cached under it
        cache.add(KEY, 1, timeout=None)


def bump_on_page_delete(sender, **kwargs) -> None:
    if issubclass(sender, Page):
        bump()


def cached_count(key: str, queryset, timeout: int) -> int:
    """``queryset.count()``, cached under ``key`` until the tree changes or ``timeout`` seconds pass."""
    versioned = f"portal:count:{current()}:{key}"
    count = cache.get(versioned)
    if count is None:
        count = queryset.count()
        cache.set(versioned, count, timeout)
    return count
