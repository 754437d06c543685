"""Numbered pagination for listings of any length.

Django's ``Paginator`` counts every row on each request and reads page *n* with
``OFFSET (n - 1) * per_page``: both grow with the listing, and a column of 100,000 items
made its last page cost seconds. ``ListingPaginator`` keeps the numbered pages
(第 x / y 页，共 z 条) and

- caches the count under a key the caller gives, for ``COUNT_TIMEOUT`` seconds or until a page
  is published, unpublished, moved or deleted (``portal.content_version``);
- reads pages in the second half from the other end (the queryset reversed), so the first and
  the last page both cost one short index walk, and no page walks more than half the listing.

Column types whose listing is a list (not a queryset) get Django's plain behaviour.
The queryset must have a total order (e.g. ``-publish_date, -pk``) so that reversing it is exact.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from portal.content_version import cached_count

COUNT_TIMEOUT = 300  # also bounds how long an item whose listing ended (listed_until) is still counted


class ListingPaginator(Paginator):
    def __init__(self, object_list, per_page, *, count_key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None or not isinstance(self.object_list, QuerySet):
            return super().count
        return cached_count(f"listing:{self.count_key}", self.object_list, COUNT_TIMEOUT)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if number == 1 or bottom < self.count - top or not isinstance(self.object_list, QuerySet):
            return super().page(number)
        # Nearer the end: the same rows, read from the end of the reversed order.
        rows = list(self.object_list.reverse()[self.count - top : self.count - bottom])
        rows.reverse()
        return self._get_page(rows, number, self)
