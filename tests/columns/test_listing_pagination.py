"""Column listings page the same way from either end, and their cached count follows publishing."""

import re
from datetime import timedelta

import pytest

from django.utils import timezone

from columns.plugins.news.models import NewsPage
from tests.columns.helpers import add_items

pytestmark = pytest.mark.django_db

TITLE = re.compile(r'<li class="item-list__item">\s*<a href="[^"]*">([^<]+)</a>')


def titles(client, column, page=None):
    response = client.get(column.url, {"page": page} if page is not None else {})
    assert response.status_code == 200
    return TITLE.findall(response.content.decode())


@pytest.fixture
def column_of_47(news_column):
    """47 items: 4 pages of 15; five of them share one publish date, so the id breaks the tie."""
    items = add_items(news_column, NewsPage, 47, prefix="要闻")
    same = timezone.now() - timedelta(days=400)
    for item in items[20:25]:
        NewsPage.objects.filter(pk=item.pk).update(publish_date=same)
    return news_column


def expected_order(column):
    return list(column.items().values_list("title", flat=True))


def test_every_page_from_first_to_last_holds_its_slice_of_the_newest_first_order(client, column_of_47):
    order = expected_order(column_of_47)
    assert len(order) == 47
    pages = [titles(client, column_of_47, number) for number in range(1, 5)]
    assert pages == [order[0:15], order[15:30], order[30:45], order[45:47]]
    assert "第 4 / 4 页，共 47 条" in client.get(column_of_47.url, {"page": 4}).content.decode()


@pytest.mark.parametrize(("asked", "shown"), [("999", 4), ("abc", 1), ("0", 4), ("-3", 4)])
def test_pages_out_of_range_show_the_last_page_and_garbage_the_first(client, column_of_47, asked, shown):
    order = expected_order(column_of_47)
    assert titles(client, column_of_47, asked) == order[(shown - 1) * 15 : shown * 15]


def test_the_count_follows_publishing_and_unpublishing_at_once(client, column_of_47):
    assert "共 47 条" in client.get(column_of_47.url).content.decode()
    newest = add_items(column_of_47, NewsPage, 1, prefix="新发布", start=timezone.now() + timedelta(hours=1))[0]
    newest.save_revision().publish()
    html = client.get(column_of_47.url).content.decode()
    assert "共 48 条" in html and "新发布0000" in html
    newest.unpublish()
    assert "共 47 条" in client.get(column_of_47.url).content.decode()
    assert titles(client, column_of_47, 4) == expected_order(column_of_47)[45:47]


def test_an_empty_column_has_one_empty_page_whatever_page_is_asked(client, news_column):
    for page in (None, "1", "2", "999"):
        html = client.get(news_column.url, {"page": page} if page else {}).content.decode()
        assert "本栏目暂无信息" in html and 'class="pagination"' not in html
