"""What every column and item offers: listings with pagination, RSS feeds, print views, item facts."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, streamfield

from columns.models import ColumnItem
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticePage
from home.models import HomePage
from tests.columns.helpers import add_items
from tests.portal.helpers import TEST_IDENTITY

pytestmark = pytest.mark.django_db


def test_column_listing_paginates_fifteen_a_page_newest_first(client, news_column):
    add_items(news_column, NewsPage, 20, prefix="要闻")
    first = client.get(news_column.url).content.decode()
    assert "要闻0000" in first and "要闻0014" in first and "要闻0015" not in first
    assert "第 1 / 2 页，共 20 条" in first
    second = client.get(news_column.url, {"page": 2}).content.decode()
    assert "要闻0015" in second and "要闻0019" in second and "要闻0000" not in second
    for bad_page in ["0", "999", "abc", "-1"]:
        assert client.get(news_column.url, {"page": bad_page}).status_code == 200


def test_empty_column_shows_an_empty_state(client, news_column):
    assert "本栏目暂无信息" in client.get(news_column.url).content.decode()


def test_item_page_shows_source_author_editor_and_publish_time(client, news_column):
    item = add_items(news_column, NewsPage, 1)[0]
    item.source, item.author, item.editor = "青石镇政法委员", "李明", "王芳"
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    assert "来源：青石镇政法委员" in html and "作者：李明" in html and "编辑：王芳" in html
    assert f'发布时间：<time datetime="{timezone.localtime(item.publish_date).isoformat()}' in html


def test_item_without_source_shows_the_site_name(client, news_column):
    item = add_items(news_column, NewsPage, 1)[0]
    assert "来源：中共测试市委政法委员会" in client.get(item.url).content.decode()


def test_column_feed_is_valid_rss_with_latest_items(client, news_column):
    add_items(news_column, NewsPage, 25, prefix="要闻")
    response = client.get(f"/columns/{news_column.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == f"政法要闻 - {TEST_IDENTITY['site_name']}"
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert len(titles) == 20 and titles[0] == "要闻0000"
    assert channel.find("item").findtext("link").startswith("http://testserver/zfyw/")


def test_feed_of_unknown_or_unpublished_column_is_404(client, news_column):
    assert client.get("/columns/999999/feed/").status_code == 404
    news_column.unpublish()
    assert client.get(f"/columns/{news_column.pk}/feed/").status_code == 404


def test_column_page_links_its_feed(client, news_column):
    html = client.get(news_column.url).content.decode()
    assert f'href="/columns/{news_column.pk}/feed/"' in html and "application/rss+xml" in html


def test_item_print_view(client, news_column):
    item = add_items(news_column, NewsPage, 1, prefix="打印")[0]
    assert f'href="/columns/item/{item.pk}/print/"' in client.get(item.url).content.decode()
    response = client.get(f"/columns/item/{item.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "打印0000" in html and "打印本页" in html and "原文网址：http://testserver/zfyw/" in html
    assert 'class="site-nav' not in html


def test_print_view_of_draft_or_unknown_item_is_404(client, news_column):
    item = add_items(news_column, NewsPage, 1)[0]
    item.unpublish()
    assert client.get(f"/columns/item/{item.pk}/print/").status_code == 404
    assert client.get("/columns/item/999999/print/").status_code == 404


def test_items_past_their_listing_time_leave_listings_and_home(client, home_with_columns, news_column):
    _fresh, stale = add_items(news_column, NewsPage, 2, prefix="条目")
    ColumnItem.objects.filter(pk=stale.pk).update(listed_until=timezone.now() - timedelta(minutes=1))
    listing = client.get(news_column.url).content.decode()
    home_html = client.get("/").content.decode()
    assert "条目0000" in listing and "条目0001" not in listing
    assert "条目0000" in home_html and "条目0001" not in home_html
    assert client.get(stale.url).status_code == 200


def test_item_moved_to_another_column_follows_it(home, news_column):
    item = add_items(news_column, NewsPage, 1)[0]
    other = home.add_child(instance=NewsColumnPage(title="别的栏目", slug="other"))
    item.move(other, pos="last-child")
    item.refresh_from_db()
    assert item.column_id == other.pk


def test_notice_validity_before_publish_date_is_refused_in_the_admin(admin_client, notice_column):
    url = f"/admin/pages/add/notices/noticepage/{notice_column.pk}/"
    data = nested_form_data(
        {
            "title": "关于测试的通知",
            "slug": "guanyu-ceshi",
            "publish_date": "2026-11-20 09:00",
            "valid_until": "2026-11-01",
            "summary": "",
            "source": "",
            "author": "",
            "editor": "",
            "body": streamfield([]),
            "attachments": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "有效期截止日期不能早于发布时间" in response.content.decode()
    assert not NoticePage.objects.exists()


def test_home_page_allows_each_column_type_once(home, news_column):
    assert not NewsColumnPage.can_create_at(home)
    assert NewsPage.can_create_at(news_column)
    assert not NewsPage.can_create_at(home)
    assert not NoticePage.can_create_at(news_column)
    assert not HomePage.can_create_at(news_column)
