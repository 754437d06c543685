"""Fixtures for the search tests: the Chinese database backend switched on, and pages with text."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.rich_text import RichText

from columns.plugins.news.models import NewsPage


@pytest.fixture
def chinese_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}


@pytest.fixture
def make_page(chinese_backend):
    counter = {"n": 0}

    def make(column, title, body="", *, days_ago=0, summary="", model=NewsPage):
        counter["n"] += 1
        return column.add_child(
            instance=model(
                title=title,
                slug=f"search-page-{counter['n']}",
                summary=summary,
                publish_date=timezone.now() - timedelta(days=days_ago),
                body=[("paragraph", RichText(f"<p>{body}</p>"))] if body else [],
            )
        )

    return make
