"""便民提示: categories, validity periods and tips leaving listings by themselves when they expire."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsColumnPage
from columns.plugins.tips.models import (
    VALID_UNTIL_BEFORE_FROM_MESSAGE,
    VALID_UNTIL_BEFORE_PUBLISH_MESSAGE,
    TipColumnPage,
    TipPage,
)
from demo.columns import seed_column
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 5, 10, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def column(home, frozen):
    return add_column(home, TipColumnPage, "便民提示", "bmts")


def add_tip(column, slug, **fields):
    values = {"title": f"提示{slug}", "publish_date": NOW - timedelta(hours=1), "valid_from": NOW.date()}
    values.update(fields)
    tip = column.add_child(instance=TipPage(slug=slug, **values))
    tip.save_revision().publish()
    return tip


def admin_data(**overrides):
    data = {
        "title": "五一假期户籍窗口调整办公时间",
        "slug": "hjck",
        "category": "errand",
        "valid_from": "2026-05-10",
        "valid_until": "2026-05-20",
        "publish_date": "2026-05-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>假期上午开放。</p>"))]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return f"/admin/pages/add/tips/tippage/{column.pk}/"


def test_column_type_declarations():
    assert TipColumnPage.planned is True
    assert TipColumnPage.default_slug == "bmts"
    assert TipColumnPage.update_interval == timedelta(days=30)


def test_column_lives_under_the_home_page_once(home, column):
    assert TipColumnPage in HomePage.allowed_subpage_models()
    assert not TipColumnPage.can_create_at(home)
    assert not TipColumnPage.can_create_at(column)


def test_tips_live_only_in_their_column(home, column):
    other = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [TipPage]
    assert TipPage.can_create_at(column)
    assert not TipPage.can_create_at(home)
    assert not TipPage.can_create_at(other)
    assert TipPage.allowed_subpage_models() == []


def test_admin_publishes_a_tip_with_its_end_of_listing(admin_client, column):
    response = admin_client.post(add_url(column), admin_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    tip = TipPage.objects.get(slug="hjck")
    assert tip.live and tip.column_id == column.pk and tip.category == "errand"
    assert tip.listed_until == datetime(2026, 5, 21, 0, 0, tzinfo=SHANGHAI)


def test_admin_publishes_a_tip_without_end_date(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(valid_until=""))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert TipPage.objects.get(slug="hjck").listed_until is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"valid_from": "2026-05-12", "valid_until": "2026-05-11"}, VALID_UNTIL_BEFORE_FROM_MESSAGE),
        ({"valid_from": "2026-05-01", "valid_until": "2026-05-05"}, VALID_UNTIL_BEFORE_PUBLISH_MESSAGE),
    ],
)
def test_admin_refuses_an_end_date_too_early(admin_client, column, overrides, message):
    response = admin_client.post(add_url(column), admin_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TipPage.objects.exists()


def test_admin_refuses_an_unknown_category(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(category="weather"))
    assert response.status_code == 200
    assert not TipPage.objects.exists()


def test_listed_until_is_the_start_of_the_next_local_day(column):
    tip = add_tip(column, "a", valid_until=date(2026, 5, 31))
    assert tip.listed_until == datetime(2026, 6, 1, tzinfo=SHANGHAI)
    assert tip.listed_until.utcoffset() is not None
    tip.valid_until = None
    tip.save_revision().publish()
    tip.refresh_from_db()
    assert tip.listed_until is None


def test_expired_tip_leaves_listings_by_itself(client, home, column, frozen):
    tip = add_tip(column, "a", title="今日停水提示", valid_until=date(2026, 5, 10))
    forever = add_tip(column, "b", title="长期有效提示", valid_until=None)
    assert "今日停水提示" in client.get(column.url).content.decode()
    assert {item.pk for item in home.latest_items({column.pk: 5})[column.pk]} == {tip.pk, forever.pk}

    frozen.move_to(datetime(2026, 5, 10, 23, 59, 59, tzinfo=SHANGHAI))
    assert "今日停水提示" in client.get(column.url).content.decode()
    assert tip.pk in [item.pk for item in home.latest_items({column.pk: 5})[column.pk]]

    frozen.move_to(datetime(2026, 5, 11, 0, 0, 1, tzinfo=SHANGHAI))
    listing = client.get(column.url).content.decode()
    assert "今日停水提示" not in listing and "长期有效提示" in listing
    assert [item.pk for item in home.latest_items({column.pk: 5})[column.pk]] == [forever.pk]
    page = client.get(tip.url)
    assert page.status_code == 200
    assert "本提示已过期" in page.content.decode()


def test_valid_tip_page_shows_category_and_validity(client, column):
    tip = add_tip(column, "a", category="fraud", valid_until=date(2026, 5, 20))
    html = client.get(tip.url).content.decode()
    assert "防范诈骗" in html and "2026年5月10日</time>至" in html and "2026年5月20日" in html
    assert "本提示已过期" not in html


def test_tip_without_end_date_is_long_term(client, column):
    html = client.get(add_tip(column, "a").url).content.decode()
    assert "起长期有效" in html


def test_column_filters_by_category(client, column):
    add_tip(column, "a", title="刷单返利是诈骗", category="fraud")
    add_tip(column, "b", title="雨天行车慢一点", category="travel")
    filtered = client.get(column.url, {"category": "fraud"}).content.decode()
    assert "刷单返利是诈骗" in filtered and "雨天行车慢一点" not in filtered
    assert 'aria-current="page">防范诈骗<' in filtered
    empty = client.get(column.url, {"category": "law"}).content.decode()
    assert "“法律常识”类暂无有效提示。" in empty


@pytest.mark.parametrize("category", ["weather", "", "<script>", "fraud'--"])
def test_column_ignores_invalid_categories(client, column, category):
    add_tip(column, "a", title="刷单返利是诈骗", category="fraud")
    add_tip(column, "b", title="雨天行车慢一点", category="travel")
    response = client.get(column.url, {"category": category})
    assert response.status_code == 200
    html = response.content.decode()
    assert "刷单返利是诈骗" in html and "雨天行车慢一点" in html


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无有效提示。" in response.content.decode()


def test_column_lists_tips_a_page_at_a_time_keeping_the_filter(client, column):
    for number in range(TipColumnPage.items_per_page + 1):
        add_tip(column, f"t{number:02d}", category="law", publish_date=NOW - timedelta(hours=1 + number))
    first = client.get(column.url, {"category": "law"}).content.decode()
    assert "第 1 / 2 页" in first and "提示t00" in first and "提示t15" not in first
    assert "?page=2&amp;category=law" in first
    assert "提示t15" in client.get(column.url, {"category": "law", "page": 2}).content.decode()


def test_seed_demo_creates_tips_once(client, column):
    seed_column(column)
    count = TipPage.objects.child_of(column).count()
    assert 3 <= count <= 5
    seed_column(column)
    assert TipPage.objects.child_of(column).count() == count
    listing = client.get(column.url).content.decode()
    for tip in TipPage.objects.child_of(column):
        assert tip.title in listing
        assert client.get(tip.url).status_code == 200
