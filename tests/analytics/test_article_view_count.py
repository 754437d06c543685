"""浏览次数 in an item's article tools: a placeholder the beacon's answer fills in, so cached pages stay shared."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_item_shows_the_view_count_slot_without_a_query_of_its_own(client, news_item, django_assert_max_num_queries):
    html = client.get(news_item.url).content.decode()
    assert '浏览次数：<span class="view-count" data-view-count aria-live="off">—</span>' in html
    assert "analytics/js/beacon.js" in html
