"""Building a site tree in tests: columns under the home page and items in a column."""

from datetime import timedelta

from django.utils import timezone

from tests.columns.factories import page_factory


def add_column(parent, model, title, slug, **kwargs):
    """A published column of type ``model`` under ``parent``, shown in the menus."""
    column = page_factory(model)(parent=parent, title=title, slug=slug, show_in_menus=True, **kwargs)
    column.save_revision().publish()
    return column


def add_items(column, model, count, *, start=None, prefix="信息"):
    """Create ``count`` live items, newest first, one hour apart."""
    start = start or timezone.now()
    build = page_factory(model)
    return [
        build(
            parent=column,
            title=f"{prefix}{index:04d}",
            slug=f"{column.slug}-{prefix}-{index:04d}",
            publish_date=start - timedelta(hours=index),
        )
        for index in range(count)
    ]
