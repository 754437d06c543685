"""网站健康检查: each single-veto item's state, its breach date and the warning ahead of it, as the office
sees them in the admin report, the dashboard panel and the Excel export; the clock moves across each threshold."""

import re
from datetime import datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from openpyxl import load_workbook

from django.contrib.auth.models import Group, User

from columns.plugins.news.models import (
    CultureColumnPage,
    NewsColumnPage,
    NewsPage,
    RuleOfLawColumnPage,
    SafeCityColumnPage,
    TeamBuildingColumnPage,
)
from columns.plugins.notices.models import NoticeColumnPage
from tests.columns.helpers import add_column, add_items
from tests.mailbox.factories import LetterFactory

pytestmark = pytest.mark.django_db

TZ = ZoneInfo("Asia/Shanghai")
NEWS_TYPES = [NewsColumnPage, RuleOfLawColumnPage, SafeCityColumnPage, TeamBuildingColumnPage, CultureColumnPage]
REPORT = "/admin/inspection/"


def at(*args):
    return datetime(*args, tzinfo=TZ)


def state_of(html, key):
    match = re.search(rf'id="inspection-{key}">[^<]*<span class="inspection-state">【(.+?)】', html)
    assert match, f"no item {key} in the report"
    return match.group(1)


def report(client):
    response = client.get(REPORT)
    assert response.status_code == 200
    return response.content.decode()


def news_columns(home, count, published):
    columns = []
    for index, model in enumerate(NEWS_TYPES[:count]):
        column = add_column(home, model, f"栏目{index}", f"lm{index}")
        add_items(column, NewsPage, 1, start=published, prefix=f"栏目{index}信息")
        columns.append(column)
    return columns


def test_home_page_updates_warn_three_days_ahead_and_fail_after_two_weeks(office_client, home):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        news_columns(home, 1, at(2026, 3, 2, 9))
    for day, expected in [(12, "正常"), (13, "预警"), (16, "预警"), (17, "已触发")]:
        with time_machine.travel(at(2026, 3, day, 10), tick=False):
            html = report(office_client)
            assert state_of(html, "home_updates") == expected, day
            assert "2026-03-16" in html  # the breach date is shown before and after it
    with time_machine.travel(at(2026, 3, 17, 10), tick=False):
        add_items(NewsColumnPage.objects.get(), NewsPage, 1, start=at(2026, 3, 17, 10), prefix="新")
        assert state_of(report(office_client), "home_updates") == "正常"


def test_five_stale_news_columns_fail_the_site_four_only_warn(office_client, home):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        columns = news_columns(home, 5, at(2026, 3, 2, 9))
    with time_machine.travel(at(2026, 3, 10, 9), tick=False):
        # One column stays fresh; at most four can be stale.
        add_items(columns[0], NewsPage, 1, start=at(2026, 3, 10, 9), prefix="新")
    with time_machine.travel(at(2026, 3, 17, 10), tick=False):
        html = report(office_client)
        assert state_of(html, "column_updates") == "预警"
        assert "4个栏目已超过更新周期" in html
        assert "2026-03-24" in html  # the day the fifth (fresh) column passes its interval
    with time_machine.travel(at(2026, 3, 25, 10), tick=False):
        html = report(office_client)
        assert state_of(html, "column_updates") == "已触发"
        assert "5个栏目已超过更新周期" in html
        for column in columns:
            assert column.title in html


def test_each_column_is_judged_by_its_declared_interval(office_client, home):
    with time_machine.travel(at(2026, 1, 5, 9), tick=False):
        notices = add_column(home, NoticeColumnPage, "通知公告", "tzgg")
        from columns.plugins.notices.models import NoticePage

        add_items(notices, NoticePage, 1, start=at(2026, 1, 5, 9))
    interval = NoticeColumnPage.update_interval.days
    with time_machine.travel(at(2026, 1, 20, 10), tick=False):
        assert "通知公告" not in report(office_client).split("inspection-column_updates")[1].split("</section>")[0]
    with time_machine.travel(datetime(2026, 1, 5, 10, tzinfo=TZ) + NoticeColumnPage.update_interval, tick=False):
        html = report(office_client)
        assert f"应每{interval}天更新" in html


def test_five_blank_columns_fail_the_site(office_client, home):
    for index, model in enumerate(NEWS_TYPES[:4]):
        add_column(home, model, f"空栏目{index}", f"k{index}")
    html = report(office_client)
    assert state_of(html, "blank_columns") == "预警"
    assert "4个栏目没有内容" in html
    add_column(home, NEWS_TYPES[4], "空栏目4", "k4")
    assert state_of(report(office_client), "blank_columns") == "已触发"


def test_working_day_update_by_four_in_the_afternoon(office_client, home):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        column = news_columns(home, 1, at(2026, 3, 2, 9))[0]
    # Tuesday 3 March 2026, a working day, nothing new yet.
    with time_machine.travel(at(2026, 3, 3, 15), tick=False):
        html = report(office_client)
        assert state_of(html, "daily_update") == "正常"
        assert "请在16:00前发布" in html
    with time_machine.travel(at(2026, 3, 3, 16, 30), tick=False):
        assert state_of(report(office_client), "daily_update") == "预警"
        add_items(column, NewsPage, 1, start=at(2026, 3, 3, 16, 30), prefix="今日")
        html = report(office_client)
        assert state_of(html, "daily_update") == "正常"
        assert "今天已发布1条新信息" in html
    # Saturday 7 March 2026: not a working day.
    with time_machine.travel(at(2026, 3, 7, 17), tick=False):
        assert "今天不是工作日" in report(office_client)


def test_a_letter_unanswered_for_three_months_fails_the_site(office_client, home):
    with time_machine.travel(at(2026, 1, 10, 9), tick=False):
        letter = LetterFactory()
    due = letter.due_date
    with time_machine.travel(datetime.combine(due - timedelta(days=4), time(9), tzinfo=TZ), tick=False):
        assert state_of(report(office_client), "letters_unanswered") == "正常"
    with time_machine.travel(datetime.combine(due - timedelta(days=3), time(9), tzinfo=TZ), tick=False):
        html = report(office_client)
        assert state_of(html, "letters_unanswered") == "预警"  # close to its own answer deadline
        assert f"将到答复期限{due:%Y-%m-%d}" in html
    with time_machine.travel(at(2026, 2, 20, 9), tick=False):
        html = report(office_client)
        assert state_of(html, "letters_unanswered") == "预警"  # past it, but not yet three months
        assert letter.number in html
        assert letter.title not in html  # the report names letters by number only
    with time_machine.travel(at(2026, 4, 7, 9), tick=False):
        assert "2026-04-10满3个月" in report(office_client)
    with time_machine.travel(at(2026, 4, 11, 9), tick=False):
        html = report(office_client)
        assert state_of(html, "letters_unanswered") == "已触发"
        assert "1封来信超过3个月未答复" in html


def test_the_report_needs_the_permission_and_the_panel_shows_only_to_the_office(client, office, home):
    nobody = User.objects.create_user("nobody", password="x")
    nobody.user_permissions.add(*Group.objects.get(name="信息检查员").permissions.all())
    client.force_login(nobody)
    for url in (REPORT, REPORT + "excel/", REPORT + "print/"):
        response = client.get(url)  # Wagtail turns a refusal into a return to the dashboard with a message
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert "网站健康检查" not in client.get("/admin/").content.decode()
    client.force_login(office)
    dashboard = client.get("/admin/").content.decode()
    assert "网站健康检查：" in dashboard
    assert REPORT in dashboard
    assert client.post(REPORT).status_code == 405


def test_excel_and_print_carry_the_same_items(office_client, home):
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        news_columns(home, 1, at(2026, 3, 2, 9))
    with time_machine.travel(at(2026, 3, 20, 9), tick=False):
        response = office_client.get(REPORT + "excel/")
        printed = office_client.get(REPORT + "print/").content.decode()
    assert response["Content-Disposition"].startswith('attachment; filename="inspection-20260320')
    workbook = load_workbook(BytesIO(response.content))
    overview = {row[0]: row for row in workbook["总览"].iter_rows(min_row=3, values_only=True)}
    assert overview["首页更新"][1:3] == ("是", "已触发")
    assert overview["首页更新"][4] == "2026-03-16"
    assert overview["工作日更新"][1] == "否"
    details = list(workbook["明细"].iter_rows(min_row=2, values_only=True))
    assert ("栏目更新", "栏目0", "已触发") in [row[:3] for row in details]
    assert "首页更新" in printed and "【已触发】" in printed and "@page" not in printed
