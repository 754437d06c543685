"""书记信箱 statistics: the figures, the chart and the Excel export agree, and unrated replies count as 满意."""

from datetime import datetime, timedelta
from io import BytesIO

import pytest
import time_machine
from openpyxl import load_workbook

from mailbox import workflow
from portal.workdays import add_workdays
from tests.mailbox.helpers import SHANGHAI, make_letter

pytestmark = pytest.mark.django_db
STATS_URL = "/mailbox/statistics/"
EXPORT_URL = "/mailbox/statistics/export/"


@pytest.fixture(autouse=True)
def site(home):
    return home


def at(month, day, hour=10):
    return datetime(2026, month, day, hour, tzinfo=SHANGHAI)


@pytest.fixture
def year_of_letters(office, leader, unit):
    """2026: three letters in March (two answered), one in July (refused), one in November (open)."""

    def reply_after(letter, workdays, rating=None):
        with time_machine.travel(letter.created_at, tick=False):
            workflow.accept(letter, office)
            workflow.forward(letter, office, unit, letter.due_date)
            workflow.draft_reply(letter, office, "答复内容")
        answered = datetime.combine(add_workdays(letter.created_at, workdays), datetime.min.time(), SHANGHAI)
        with time_machine.travel(answered + timedelta(hours=15), tick=False):
            workflow.approve_reply(letter, leader)
        if rating:
            letter.refresh_from_db()
            letter.rating = rating
            letter.save(update_fields=["rating"])

    with time_machine.travel(at(3, 2), tick=False):
        complaint, _ = make_letter(category="complaint", title="三月的投诉来信标题一")
        suggestion, _ = make_letter(category="suggestion", title="三月的建议来信标题二")
        make_letter(category="complaint", title="三月的投诉来信标题三")
    reply_after(complaint, 2, rating="unsatisfied")
    reply_after(suggestion, 4)  # never rated: 满意 once 20 working days have passed
    with time_machine.travel(at(7, 6), tick=False):
        refused, _ = make_letter(category="consult", title="七月的咨询来信标题")
    with time_machine.travel(at(7, 7), tick=False):
        workflow.reject(refused, office, "petition", "请向信访局反映。")
    with time_machine.travel(at(11, 2), tick=False):
        make_letter(category="help", title="十一月的求助来信标题")


def test_the_page_shows_totals_rates_and_averages(client, year_of_letters):
    with time_machine.travel(at(11, 25), tick=False):
        html = client.get(STATS_URL, {"year": 2026}).content.decode()
    assert 'data-stat="received">5<' in html and 'data-stat="answered">3<' in html
    assert 'data-stat="rate">60.0%<' in html
    assert 'data-stat="average">2.3个工作日<' in html  # (2 + 4 + 1 working days) / 3
    assert "满意率" in html


def test_by_category_and_by_month(client, year_of_letters):
    with time_machine.travel(at(11, 25), tick=False):
        html = client.get(STATS_URL, {"year": 2026}).content.decode()
    rows = {
        label: html.split(f'<th scope="row">{label}</th>')[1].split("</tr>")[0]
        for label in ("投诉", "建议", "咨询", "求助", "举报", "3月", "7月", "11月", "1月")
    }
    assert "<td>2</td><td>1</td><td>50.0%</td><td>2.0</td>" in rows["投诉"]
    assert "<td>1</td><td>1</td><td>100.0%</td><td>4.0</td>" in rows["建议"]
    assert "<td>1</td><td>1</td><td>100.0%</td><td>1.0</td>" in rows["咨询"]
    assert "<td>1</td><td>0</td><td>0.0%</td><td>—</td>" in rows["求助"]
    assert "<td>0</td><td>0</td><td>—</td><td>—</td>" in rows["举报"]
    assert "<td>3</td><td>2</td><td>66.7%</td><td>3.0</td>" in rows["3月"]
    assert "<td>1</td><td>1</td><td>100.0%</td>" in rows["7月"] and "<td>1</td><td>0</td>" in rows["11月"]
    assert "<td>0</td><td>0</td>" in rows["1月"]


def test_unrated_replies_count_as_satisfied_only_after_20_working_days(client, year_of_letters):
    suggestion_replied = add_workdays(at(3, 2), 4)
    deadline = add_workdays(suggestion_replied, 20)
    with time_machine.travel(datetime.combine(deadline, datetime.min.time(), SHANGHAI) + timedelta(hours=12)):
        html = client.get(STATS_URL, {"year": 2026}).content.decode()
    ratings = html.split('id="rating-heading"')[1]
    assert "<td>0</td><td>0</td><td>1</td><td>1</td>" in ratings  # 满意 0, 基本满意 0, 不满意 1, 待评价 1
    with time_machine.travel(datetime.combine(deadline + timedelta(days=1), datetime.min.time(), SHANGHAI)):
        html = client.get(STATS_URL, {"year": 2026}).content.decode()
    ratings = html.split('id="rating-heading"')[1]
    assert "<td>1</td><td>0</td><td>1</td><td>0</td>" in ratings
    assert 'data-stat="satisfaction">50.0%<' in html


def test_the_chart_is_an_inline_svg_with_a_bar_per_month(client, year_of_letters):
    with time_machine.travel(at(11, 25), tick=False):
        html = client.get(STATS_URL, {"year": 2026}).content.decode()
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert svg.count("mailbox-chart__bar--received") == 12 and svg.count("mailbox-chart__bar--answered") == 12
    assert "<title>3月收信3件</title>" in svg and "<title>3月已答复2件</title>" in svg
    assert "<script" not in html.split('<main id="main"')[1] and "http" not in svg


def test_the_excel_export_has_the_same_figures(client, year_of_letters):
    with time_machine.travel(at(11, 25), tick=False):
        response = client.get(EXPORT_URL, {"year": 2026})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in response["Content-Disposition"] and "2026.xlsx" in response["Content-Disposition"]
    workbook = load_workbook(BytesIO(response.content))
    assert workbook.sheetnames == ["汇总", "按类别", "按月份"]
    summary = {row[0]: row[1] for row in workbook["汇总"].iter_rows(values_only=True) if row and row[0]}
    assert summary["收信件数"] == 5 and summary["已答复件数"] == 3 and summary["答复率"] == "60.0%"
    assert summary["平均答复用时（工作日）"] == 2.3
    categories = {row[0]: row[1:] for row in workbook["按类别"].iter_rows(min_row=2, values_only=True)}
    assert categories["投诉"] == (2, 1, "50.0%", 2.0) and categories["举报"] == (0, 0, "—", "—")
    months = {row[0]: row[1:] for row in workbook["按月份"].iter_rows(min_row=2, values_only=True)}
    assert len(months) == 12 and months["3月"][:2] == (3, 2)


def test_an_empty_year_and_an_unknown_year(client):
    html = client.get(STATS_URL).content.decode()
    assert 'data-stat="received">0<' in html and 'data-stat="rate">—<' in html
    assert client.get(STATS_URL, {"year": 1999}).status_code == 404
    assert client.get(STATS_URL, {"year": "abc"}).status_code == 404
    assert client.get(EXPORT_URL, {"year": 1999}).status_code == 404
