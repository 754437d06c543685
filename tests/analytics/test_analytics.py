"""Visitor statistics: the beacon, visitors without cookies, bots, aggregation, the view count and the admin report."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from analytics.models import DailySalt, DailyStat, Hit, Scope
from columns.plugins.news.models import NewsPage
from tests.columns.helpers import add_items

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = datetime(2026, 11, 25, 10, 0, tzinfo=SHANGHAI)
HIT = "/analytics/hit/"
REPORT = "/admin/reports/visits/"
BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


@pytest.fixture
def article(news_column):
    return add_items(news_column, NewsPage, 1)[0]


def beacon(client, page=None, path="/zfyw/a/", ip="10.0.0.1", agent=BROWSER):
    data = {"path": path}
    if page is not None:
        data["page"] = str(page.pk)
    return client.post(HIT, data, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


def test_a_view_is_counted_without_cookies_and_never_cached(client, article):
    response = beacon(client, article, path=article.url)
    assert response.status_code == 200 and response.json() == {"counted": True, "views": 1}
    assert not response.cookies and "no-store" in response["Cache-Control"]
    hit = Hit.objects.get()
    assert hit.page_id == article.pk and hit.column_id == article.get_parent().pk
    assert "10.0.0.1" not in hit.visitor and BROWSER not in hit.visitor and len(hit.visitor) == 64


def test_visitors_are_one_address_and_browser_per_day_and_the_salt_rotates(client, article):
    with time_machine.travel(DAY, tick=False):
        beacon(client, article)
        beacon(client, article)
        beacon(client, article, ip="10.0.0.2")
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        beacon(client, article)
    first = set(Hit.objects.filter(day=date(2026, 11, 25)).values_list("visitor", flat=True))
    second = Hit.objects.get(day=date(2026, 11, 26)).visitor
    assert len(first) == 2 and second not in first
    assert DailySalt.objects.count() == 2
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        call_command("aggregate_visits", stdout=io.StringIO())
    assert list(DailySalt.objects.values_list("day", flat=True)) == [date(2026, 11, 26)]


@pytest.mark.parametrize("agent", ["Mozilla/5.0 (compatible; Baiduspider/2.0)", "curl/8.5.0", ""])
def test_bots_are_not_counted(client, article, agent):
    response = beacon(client, article, agent=agent)
    assert response.json()["counted"] is False and not Hit.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"path": "zfyw"}, "网址路径无效。"),
        ({"path": "/x/\x00"}, "网址路径无效。"),
        ({"path": "/x/", "page": "abc"}, "页面编号无效。"),
        ({"path": "/x/", "page": "999999"}, "页面不存在或未发布。"),
    ],
)
def test_bad_beacons_get_a_chinese_error_and_count_nothing(client, home, data, message):
    response = client.post(HIT, data, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 400 and response.json()["error"] == message
    assert not Hit.objects.exists()
    assert client.get(HIT).status_code == 405


def test_an_address_past_its_allowance_is_not_counted(client, article, settings):
    settings.ANALYTICS_HITS_PER_MINUTE = 2
    results = [beacon(client, article).json()["counted"] for _ in range(3)]
    assert results == [True, True, False] and Hit.objects.count() == 2


def test_days_are_aggregated_and_raw_hits_deleted_after_thirty_days(client, article, news_column):
    with time_machine.travel(DAY, tick=False):
        beacon(client, article, path=article.url)
        beacon(client, article, path=article.url, ip="10.0.0.2")
        beacon(client, None, path="/")
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        beacon(client, article, path=article.url)
        assert beacon(client, article, path=article.url).json()["views"] == 4
        call_command("aggregate_visits", stdout=io.StringIO())
        call_command("aggregate_visits", stdout=io.StringIO())  # a second run changes nothing
        assert beacon(client, article, path=article.url).json()["views"] == 5
    rows = {(row.scope, row.key): (row.views, row.visitors) for row in DailyStat.objects.filter(day=date(2026, 11, 25))}
    assert rows == {
        (Scope.SITE, ""): (3, 2),
        (Scope.COLUMN, str(news_column.pk)): (2, 2),
        (Scope.PAGE, article.url): (2, 2),
        (Scope.PAGE, "/"): (1, 1),
    }
    with time_machine.travel(DAY + timedelta(days=31), tick=False):
        call_command("aggregate_visits", stdout=io.StringIO())
        assert Hit.objects.filter(day=date(2026, 11, 25)).count() == 0
        assert Hit.objects.filter(day=date(2026, 11, 26)).count() == 3
        assert beacon(client, article, path=article.url).json()["views"] == 6


def test_the_view_count_tag_costs_no_query_and_the_pages_load_the_beacon(client, article):
    with CaptureQueriesContext(connection) as queries:
        html = Template("{% load analytics_tags %}{% page_view_count %}").render(Context({}))
    assert len(queries) == 0 and "data-view-count" in html
    page = client.get(article.url).content.decode()
    assert "analytics/js/beacon.js" in page and 'data-endpoint="/analytics/hit/"' in page
    assert f'<meta name="portal-page" content="{article.pk}">' in page


def test_the_admin_report_charts_and_exports_the_figures(admin_client, client, article):
    with time_machine.travel(DAY, tick=False):
        beacon(client, article, path=article.url)
    with time_machine.travel(DAY + timedelta(days=1), tick=False):
        call_command("aggregate_visits", stdout=io.StringIO())
        beacon(client, article, path=article.url, ip="10.0.0.3")
        html = admin_client.get(REPORT).content.decode()
        assert "<svg" in html and "每日浏览量和访客数" in html and article.title in html
        assert "浏览量 <strong>2</strong>" in html
        response = admin_client.get(REPORT, {"start": "2026-11-25", "end": "2026-11-26", "format": "xlsx"})
    book = load_workbook(io.BytesIO(response.content))
    daily = [row for row in book["每日"].iter_rows(values_only=True)]
    assert daily[-1] == ("合计", 2, 2)
    assert [row[0] for row in book["页面"].iter_rows(min_row=2, values_only=True)] == [article.title]


def test_a_bad_span_is_refused_in_chinese(admin_client, home):
    html = admin_client.get(REPORT, {"start": "2026-11-30", "end": "2026-11-01"}).content.decode()
    assert "开始日期不能晚于结束日期。" in html and "以下显示最近30天的统计" in html
    html = admin_client.get(REPORT, {"start": "not a date", "end": "2026-11-01"}).content.decode()
    assert "开始日期格式应为" in html


def test_the_report_is_for_permitted_staff_only(client, django_user_model, home):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    assert client.get(REPORT).status_code in (302, 403)
