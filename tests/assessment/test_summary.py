"""Issue 16, item 4: quarter, half-year, annual and year-to-date figures per unit and category, trend lines
per unit, a totals row and the Excel, checked against a calculation by hand."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from assessment.models import HigherAdoption, RuleVersion
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit
from tests.assessment.test_admin import make_user

SUMMARY = "/admin/assessment/summary/"
Q4 = {"kind": "quarter", "year": 2026, "number": 4}


@pytest.fixture
def year(news_column, today):
    """Today is 20 December 2026: October and November are judged, December is still running."""
    town_a = make_unit("甲镇", ReportingUnit.CATEGORY_TOWNSHIP)
    town_b = make_unit("乙镇", ReportingUnit.CATEGORY_TOWNSHIP)
    make_unit("市公安局", ReportingUnit.CATEGORY_KEY)  # never reports
    make_item(news_column, town_a, submitted=at(2026, 10, 3), published=at(2026, 10, 4))
    for month, day in ((10, 12), (11, 3), (11, 12), (12, 2)):
        make_item(news_column, town_a, submitted=at(2026, month, day))
    make_item(news_column, town_b, submitted=at(2026, 11, 5))
    HigherAdoption.objects.create(unit=town_a, platform="市委网站", level="city", title="甲", date=date(2026, 11, 10))
    RuleVersion.objects.create(effective_from=date(2026, 12, 1), submitted=2)  # December: 2 points an item


def workbook(client, params):
    response = client.get(SUMMARY + "excel/", params)
    assert response.status_code == 200
    return load_workbook(BytesIO(response.content))


def table(sheet):
    return {row[1]: list(row) for row in sheet.iter_rows(values_only=True) if len(row) > 1 and row[1]}


def test_quarter_figures_per_unit_category_and_total_match_a_hand_calculation(staff, year):
    book = workbook(staff, Q4)
    rows = table(book["汇总"])
    # 甲镇: Oct 2 items (1 adopted) = 2 + 5; Nov 2 items + a city adoption = 2 + 10; Dec 1 item at 2 points
    assert rows["甲镇"] == [1, "甲镇", 5, 1, 1, 0, 0, 21, 2, 2]
    assert rows["乙镇"] == [2, "乙镇", 1, 0, 0, 0, 0, 1, 0, 2]
    assert rows["乡镇小计"][1:] == ["乡镇小计", 6, 1, 1, 0, 0, 22, 2, 4]
    assert rows["市公安局"] == [1, "市公安局", 0, 0, 0, 0, 0, 0, 0, 2]
    assert rows["合计"][1:] == ["合计", 6, 1, 1, 0, 0, 22, 2, 6]
    assert book["汇总"]["A1"].value == "2026年第四季度信息报送考核汇总"
    monthly = {row[0]: list(row) for row in book["逐月得分"].iter_rows(values_only=True)}
    assert monthly["单位"][2:] == ["2026年10月", "2026年11月", "2026年12月"]
    assert monthly["甲镇"][2:] == [7, 12, 2] and monthly["乙镇"][2:] == [0, 1, 0]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "ytd", "year": 2026, "number": 11}, [1, "甲镇", 4, 1, 1, 0, 0, 19, 2, 2]),
        ({"kind": "half", "year": 2026, "number": 2}, [1, "甲镇", 5, 1, 1, 0, 0, 21, 2, 2]),
        ({"kind": "year", "year": 2026, "number": 1}, [1, "甲镇", 5, 1, 1, 0, 0, 21, 2, 2]),
    ],
)
def test_year_to_date_half_year_and_year(staff, year, params, expected):
    """Before October 甲镇 is listed each month with nothing and its quota missed (set up in 2025)."""
    row = table(workbook(staff, params)["汇总"])["甲镇"]
    judged = {"ytd": 11, "half": 5, "year": 11}[params["kind"]]
    assert row[:8] == expected[:8] and row[8] == 2 and row[9] == judged


def test_summary_page_has_a_trend_line_per_unit_and_the_totals(staff, year):
    page = staff.get(SUMMARY, Q4).content.decode()
    assert "2026年第四季度信息报送考核汇总" in page
    township = page.split("乡镇各单位逐月得分")[1].split("</svg>")[0]
    assert township.count("<polyline") == 2 and "<title>甲镇</title>" in township and "<title>乙镇</title>" in township
    assert "合计" in page and "乡镇小计" in page


def test_bad_and_future_spans(staff, year):
    page = staff.get(SUMMARY, {"kind": "quarter", "year": 2026, "number": 5}, follow=True).content.decode()
    assert "季度应在1到4之间。" in page
    page = staff.get(SUMMARY, {"kind": "quarter", "year": 2027, "number": 1}).content.decode()
    assert "该期尚未开始，暂无数据。" in page
    assert table(workbook(staff, {"kind": "quarter", "year": 2027, "number": 1})["汇总"])["合计"][2] == 0


def test_summary_needs_the_report_permission(client, year):
    client.force_login(make_user("editor_sum"))
    assert client.get(SUMMARY, Q4).status_code == 302
    assert client.get(SUMMARY + "excel/", Q4).status_code == 302
