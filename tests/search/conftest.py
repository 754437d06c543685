"""Fixtures for the search tests: pages with text, indexed by the Chinese database backend."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.rich_text import RichText

from columns.plugins.news.models import NewsPage
from tests.columns.factories import page_factory


@pytest.fixture
def make_page(chinese_backend):
    counter = {"n": 0}

    def make(column, title, body="", *, days_ago=0, summary="", model=NewsPage):
        counter["n"] += 1
        return page_factory(model)(
            parent=column,
            title=title,
            slug=f"search-page-{counter['n']}",
            summary=summary,
            publish_date=timezone.now() - timedelta(days=days_ago),
            body=[("paragraph", RichText(f"<p>{body}</p>"))] if body else [],
        )

    return make
