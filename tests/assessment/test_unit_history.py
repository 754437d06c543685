"""Units go live with history: the office chooses from which period a unit is assessed (考核起始), in the
unit form, the contacts import and a bulk action; rankings and quotas ignore the periods before it."""

from datetime import date
from importlib import import_module
from io import BytesIO

import pytest
import time_machine
from openpyxl import Workbook, load_workbook

from django.apps import apps as django_apps
from django.core.files.uploadedfile import SimpleUploadedFile

from assessment.models import QuotaRule, UnitAssessmentStart
from review.contacts import HEADERS
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit, report_rows
from tests.portal.factories import UserFactory
from tests.review.factories import ReportingUnitFactory

pytestmark = pytest.mark.django_db
TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP
KEY = ReportingUnit.CATEGORY_KEY
BULK_URL = "/admin/bulk/review/reportingunit/set_assessed_from/"


def unit_form(name, **overrides):
    data = {
        "name": name,
        "category": TOWNSHIP,
        "address": "",
        "phone": "",
        "sort_order": 100,
        "reports_items": "on",
        "assessed_from": "",
        "members-TOTAL_FORMS": 0,
        "members-INITIAL_FORMS": 0,
        "members-MIN_NUM_FORMS": 0,
        "members-MAX_NUM_FORMS": 1000,
    }
    data.update(overrides)
    return data


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("通讯录.xlsx", buffer.getvalue())


def contact(unit, start, name="王小明"):
    return ["乡镇", unit, "信息员", name, "", "13900000001", "", "", "", "", "", start]


def test_new_unit_is_assessed_from_the_current_period_by_default(staff, news_column):
    form = staff.get("/admin/snippets/review/reportingunit/add/").content.decode()
    assert 'value="2026-12-20"' in form and "考核起始" in form
    response = staff.post("/admin/snippets/review/reportingunit/add/", unit_form("新设镇", assessed_from="2026-12-20"))
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = ReportingUnit.objects.get(name="新设镇")
    assert unit.assessed_from == date(2026, 12, 20)
    make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, submitted=at(2026, 12, 18))
    december = report_rows(staff, "month", 2026, 12)["新设镇"]
    assert december["名次"] == 1 and "起考核" not in (december["备注"] or "")
    assert "新设镇" not in report_rows(staff, "month", 2026, 11)  # not set up yet, not chosen earlier


def test_unit_created_in_code_defaults_to_the_day_it_is_created(today):
    assert ReportingUnitFactory(name="乙镇").assessed_from == date(2026, 12, 20)


def test_an_earlier_period_chosen_in_the_unit_form_brings_the_units_history(staff, news_column):
    unit = ReportingUnitFactory(name="新设镇", category=TOWNSHIP)
    make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, submitted=at(2026, 10, 12))
    assert "新设镇" not in report_rows(staff, "month", 2026, 10)
    response = staff.post(
        f"/admin/snippets/review/reportingunit/edit/{unit.pk}/", unit_form("新设镇", assessed_from="2026-10-01")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    october = report_rows(staff, "month", 2026, 10)["新设镇"]
    assert october["报送"] == 1 and october["名次"] == 1 and "起考核" not in (october["备注"] or "")


def test_rankings_and_quotas_ignore_periods_before_it(staff, news_column):
    late = make_unit("后进镇", TOWNSHIP)
    ReportingUnit.objects.filter(pk=late.pk).update(assessed_from=date(2026, 12, 1))
    early = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, late, submitted=at(2026, 11, 3))
    make_item(news_column, late, submitted=at(2026, 11, 4))
    make_item(news_column, early, submitted=at(2026, 11, 5))
    november = report_rows(staff, "month", 2026, 11)
    row = november["后进镇"]
    assert row["报送"] == 2  # listed with its counts, not ranked, quota not judged
    assert (row["名次"], row["完成情况"]) == ("—", "—")
    assert row["备注"] == "自2026年12月起考核"
    assert november["甲镇"]["名次"] == 1
    week = report_rows(staff, "week", 2026, 48)["后进镇"]  # 23–29 November
    assert week["名次"] == "—" and "自2026年第49周" in week["备注"]
    assert "按月考核" in report_rows(staff, "week", 2026, 49)["后进镇"]["备注"]  # a township is not ranked by weeks
    assert report_rows(staff, "month", 2026, 12)["后进镇"]["名次"] in (1, 2)
    page = staff.get("/admin/assessment/", {"kind": "month", "year": 2026, "number": 11}).content.decode()
    assert "自2026年12月起考核" in page


def test_import_sets_the_period_for_new_and_existing_units(staff):
    existing = make_unit("乙镇", TOWNSHIP)
    response = staff.post(
        "/admin/review/contacts/import/",
        {
            "file": xlsx(
                [
                    contact("新设镇", "2026-10"),
                    contact("新设镇", "2026年10月", name="李四"),
                    contact("乙镇", "2026-11-15"),
                    contact("丙镇", ""),
                ]
            )
        },
    )
    assert "导入完成" in response.content.decode()
    assert ReportingUnit.objects.get(name="新设镇").assessed_from == date(2026, 10, 1)
    existing.refresh_from_db()
    assert existing.assessed_from == date(2026, 11, 15)
    assert ReportingUnit.objects.get(name="丙镇").assessed_from == date(2026, 12, 20)  # default: current period
    assert report_rows(staff, "month", 2026, 10)["新设镇"]["报送"] == 0  # listed from October on


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([contact("新设镇", "明年")], "“考核起始”应为年月（如2026-11）或日期（如2026-11-01）"),
        ([contact("新设镇", "2026-13")], "“考核起始”应为年月（如2026-11）或日期（如2026-11-01）"),
        (
            [contact("新设镇", "2026-10"), contact("新设镇", "2026-11", name="李四")],
            "与第2行的“考核起始”不一致",
        ),
    ],
)
def test_import_refuses_a_bad_period_and_saves_nothing(staff, rows, message):
    response = staff.post("/admin/review/contacts/import/", {"file": xlsx(rows)})
    assert message in response.content.decode()
    assert not ReportingUnit.objects.filter(name="新设镇").exists()


def test_export_writes_the_period_back(staff):
    unit = make_unit("乙镇", TOWNSHIP)
    ReportingUnit.objects.filter(pk=unit.pk).update(assessed_from=date(2026, 10, 1))
    staff.post("/admin/review/contacts/import/", {"file": xlsx([contact("乙镇", "")])})
    unit.refresh_from_db()
    assert unit.assessed_from == date(2026, 10, 1)  # an empty cell keeps an existing unit's period
    sheet = load_workbook(BytesIO(staff.get("/admin/review/contacts/export/").content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-1] == "考核起始" and rows[1][-1] == "2026-10-01"


def test_bulk_action_sets_the_period_of_the_selected_units(staff):
    first, second, untouched = make_unit("甲镇", TOWNSHIP), make_unit("乙镇", TOWNSHIP), make_unit("丙镇", TOWNSHIP)
    listing = staff.get("/admin/snippets/review/reportingunit/").content.decode()
    assert "设置考核起始" in listing
    query = f"?id={first.pk}&id={second.pk}"
    confirm = staff.get(BULK_URL + query).content.decode()
    assert "甲镇" in confirm and "乙镇" in confirm and "考核起始" in confirm

    response = staff.post(BULK_URL + query, {"assessed_from": "2026-11-01"})
    assert response.status_code == 302
    assert {u.name: u.assessed_from for u in ReportingUnit.objects.all()} == {
        "甲镇": date(2026, 11, 1),
        "乙镇": date(2026, 11, 1),
        "丙镇": untouched.assessed_from,
    }


def test_bulk_action_refuses_a_bad_date_and_changes_nothing(staff):
    unit = make_unit("甲镇", TOWNSHIP)
    before = unit.assessed_from
    for value in ("", "2026-13-01", "下个月"):
        response = staff.post(f"{BULK_URL}?id={unit.pk}", {"assessed_from": value})
        assert response.status_code == 200
        body = response.content.decode()
        assert "请选择考核起始日期。" in body or "请输入有效的日期" in body
    unit.refresh_from_db()
    assert unit.assessed_from == before


def test_bulk_action_needs_the_change_permission(client, today):
    unit = make_unit("甲镇", TOWNSHIP)
    before = unit.assessed_from
    viewer = UserFactory(username="viewer", permissions=["access_admin", "view_reportingunit"])
    client.force_login(viewer)
    confirm = client.get(f"{BULK_URL}?id={unit.pk}").content.decode()
    assert "您没有修改以下单位的权限" in confirm
    client.post(f"{BULK_URL}?id={unit.pk}", {"assessed_from": "2026-01-01"})
    unit.refresh_from_db()
    assert unit.assessed_from == before


def test_report_of_an_earlier_period_lists_units_set_up_later_only_when_chosen(staff, news_column):
    with time_machine.travel(at(2026, 12, 10), tick=False):
        unit = ReportingUnitFactory(name="新设镇", category=TOWNSHIP, assessed_from=date(2026, 11, 1))
    make_item(news_column, unit, submitted=at(2026, 11, 20))
    november = report_rows(staff, "month", 2026, 11)
    assert november["新设镇"]["报送"] == 1 and november["新设镇"]["名次"] == 1
    assert "新设镇" not in report_rows(staff, "month", 2026, 10)


def test_upgrade_keeps_past_reports_of_units_with_a_set_up_date(staff, news_column):
    """Before 考核起始 a set-up date meant "assessed from the next full period"; the migration turns it into
    that period's first day, so a past report ranks the same units as before the upgrade."""
    carry_over = import_module("assessment.migrations.0003_assessed_from_set_up_dates").carry_over
    QuotaRule.objects.update_or_create(category=TOWNSHIP, defaults={"period": "month", "minimum": 2})
    QuotaRule.objects.update_or_create(category=KEY, defaults={"period": "week", "minimum": 1})
    township, key, first_day, legacy = (
        make_unit("新设镇", TOWNSHIP),
        make_unit("新设局", KEY),
        make_unit("月初镇", TOWNSHIP),
        make_unit("老镇", TOWNSHIP),
    )
    starts = {township: date(2026, 11, 10), key: date(2026, 11, 11), first_day: date(2026, 11, 1)}
    for unit, since in starts.items():
        UnitAssessmentStart.objects.update_or_create(unit=unit, defaults={"since": since})
    ReportingUnit.objects.update(assessed_from=None)  # as the schema migration leaves existing units
    UnitAssessmentStart.objects.filter(unit=legacy).delete()
    carry_over(django_apps, None)
    assert {u.name: u.assessed_from for u in ReportingUnit.objects.all()} == {
        "新设镇": date(2026, 12, 1),
        "新设局": date(2026, 11, 16),  # the Monday after Wednesday 11 November
        "月初镇": date(2026, 11, 1),
        "老镇": None,
    }
    november = report_rows(staff, "month", 2026, 11)
    assert november["新设镇"]["名次"] == "—" and november["月初镇"]["名次"] != "—"
