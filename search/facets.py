"""Facet counts of a result set by column and by year, the same on every backend.

Computed from the matching page ids the backend returns, so the database backends
and Elasticsearch give the same counts for the same data.
"""

from collections import Counter
from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import Page

from columns.models import ColumnPage


@dataclass(frozen=True)
class Facet:
    value: object  # a column's pk or a year
    label: str
    count: int


def column_of(path, columns_by_path):
    """The nearest column above a page path (columns may sit inside other columns)."""
    step = Page.steplen
    for end in range(len(path) - step, 0, -step):
        column = columns_by_path.get(path[:end])
        if column is not None:
            return column
    return None


def facets(queryset, pks):
    """{"columns": [Facet], "years": [Facet]} for the pages ``pks`` of ``queryset`` (annotated ``published``)."""
    if not pks:
        return {"columns": [], "years": []}
    rows = list(queryset.filter(pk__in=pks).order_by().values_list("path", "published"))
    columns_by_path = {column.path: column for column in ColumnPage.objects.only("pk", "title", "path")}
    by_column, by_year = Counter(), Counter()
    for path, published in rows:
        column = column_of(path, columns_by_path)
        if column is not None:
            by_column[column] += 1
        if published is not None:
            by_year[timezone.localtime(published).year if timezone.is_aware(published) else published.year] += 1
    return {
        "columns": [
            Facet(column.pk, column.title, count)
            for column, count in sorted(by_column.items(), key=lambda item: (-item[1], item[0].path))
        ],
        "years": [Facet(year, f"{year}年", count) for year, count in sorted(by_year.items(), reverse=True)],
    }
