"""Issue 16, item 7: scoring rules keep their history; a change applies from a chosen month and never
rewrites an issued 通报."""

import pytest

from assessment.models import IssuedReport, RuleVersion
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit, report_rows
from tests.assessment.test_admin import make_user

ADD = "/admin/snippets/assessment/ruleversion/add/"
TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP


def version_data(effective_from, submitted="3", quotas=()):
    data = {
        "effective_from": effective_from,
        "note": "提高报送分值",
        "submitted": submitted,
        "adopted": "5",
        "adopted_city": "10",
        "adopted_province": "20",
        "adopted_national": "30",
        "commend_top": "1",
        "interview_min_units": "3",
        "quotas-TOTAL_FORMS": str(len(quotas)),
        "quotas-INITIAL_FORMS": "0",
        "quotas-MIN_NUM_FORMS": "0",
        "quotas-MAX_NUM_FORMS": "1000",
    }
    for index, (category, period, minimum) in enumerate(quotas):
        data |= {
            f"quotas-{index}-category": category,
            f"quotas-{index}-period": period,
            f"quotas-{index}-minimum": minimum,
            f"quotas-{index}-ORDER": str(index + 1),
            f"quotas-{index}-DELETE": "",
            f"quotas-{index}-id": "",
        }
    return data


@pytest.fixture
def towns(news_column, today):
    town = make_unit("甲镇", TOWNSHIP)
    make_unit("乙镇", TOWNSHIP)
    for month in (10, 11):
        make_item(news_column, town, submitted=at(2026, month, 3))
        make_item(news_column, town, submitted=at(2026, month, 12))
    return town


def test_a_rule_change_applies_from_its_month_on(staff, towns, admin_user):
    response = staff.post(ADD, version_data("2026-11-01", quotas=[(TOWNSHIP, "month", "3")]))
    assert response.status_code == 302, response.content.decode()[:3000]
    version = RuleVersion.objects.get()
    assert version.created_by == admin_user
    october, november = report_rows(staff, "month", 2026, 10), report_rows(staff, "month", 2026, 11)
    assert (october["甲镇"]["得分"], october["甲镇"]["任务"], october["甲镇"]["完成情况"]) == (2, "≥2", "完成")
    assert (november["甲镇"]["得分"], november["甲镇"]["任务"], november["甲镇"]["完成情况"]) == (6, "≥3", "未完成")
    # a category the version does not name keeps its quota; weeks from 2 November follow the new weights
    assert report_rows(staff, "week", 2026, 45)["甲镇"]["报送"] == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (version_data("2026-11-05"), "起用日期须为某月1日。"),
        (version_data("2026-11-01", submitted="-1"), "分值权重不能为负数。"),
        (version_data("2026-11-01", quotas=[(TOWNSHIP, "month", "0")]), "报送任务数至少为1条，不能为0或负数。"),
    ],
)
def test_a_bad_rule_change_is_refused_and_saves_nothing(staff, towns, data, message):
    response = staff.post(ADD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RuleVersion.objects.exists()


def test_an_issued_report_stays_exactly_as_issued(staff, towns, notice_column, news_column):
    staff.post("/admin/assessment/draft/", {"kind": "month", "year": 2026, "number": 10})
    issued = IssuedReport.objects.get()
    before = staff.get(f"/admin/assessment/issued/{issued.pk}/").content.decode()
    assert "<td>甲镇</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2.0</td>" in before
    assert staff.post(ADD, version_data("2026-10-01", submitted="7")).status_code == 302
    make_item(news_column, towns, submitted=at(2026, 10, 20))
    assert report_rows(staff, "month", 2026, 10)["甲镇"]["得分"] == 21  # the live report follows the new rules
    after = staff.get(f"/admin/assessment/issued/{issued.pk}/").content.decode()
    tables = [part.split("</tbody>")[0] for part in before.split("<tbody>")[1:]]
    assert tables and [part.split("</tbody>")[0] for part in after.split("<tbody>")[1:]] == tables  # frozen
    report = staff.get("/admin/assessment/", {"kind": "month", "year": 2026, "number": 10}).content.decode()
    assert "查看通报原件" in report


def test_issued_report_needs_the_permission(client, towns, notice_column, staff):
    staff.post("/admin/assessment/draft/", {"kind": "month", "year": 2026, "number": 10})
    issued = IssuedReport.objects.get()
    assert staff.get("/admin/assessment/issued/999999/").status_code == 404
    client.force_login(make_user("editor_rh"))
    assert client.get(f"/admin/assessment/issued/{issued.pk}/").status_code == 302
