"""The 考核通报 admin: permission, period picker, exports, the notice draft and refused bad input."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import WorkflowState

from assessment.models import IssuedReport, QuotaRule, ScoreWeights
from columns.plugins.notices.models import NoticePage
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit

REPORT = "/admin/assessment/"
NOVEMBER = {"kind": "month", "year": 2026, "number": 11}


@pytest.fixture
def units(news_column, today):
    town = make_unit("甲镇", ReportingUnit.CATEGORY_TOWNSHIP)
    other = make_unit("乙镇", ReportingUnit.CATEGORY_TOWNSHIP)
    make_item(news_column, town, submitted=at(2026, 11, 2), published=at(2026, 11, 3))
    make_item(news_column, other, submitted=at(2026, 11, 4))
    return town, other


def make_user(username, groups=()):
    user = get_user_model().objects.create_user(username, f"{username}@example.gov.cn", "pw-12345-x")
    user.groups.add(*Group.objects.filter(name__in=groups))
    Group.objects.get(name="Editors")  # exists from Wagtail's migrations
    user.groups.add(Group.objects.get(name="Editors"))  # admin access
    return user


def test_users_without_the_permission_are_refused(client, today, units):
    client.force_login(make_user("editor"))
    for suffix in ("", "excel/", "pdf/", "print/"):
        response = client.get(REPORT + suffix, NOVEMBER)
        assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "no permission"
    assert client.post(REPORT + "draft/", NOVEMBER)["Location"] == "/admin/"
    assert REPORT not in client.get("/admin/").content.decode()
    assert not NoticePage.objects.exists() and not IssuedReport.objects.exists()


def test_office_reviewers_get_the_report_and_the_menu(client, today, units):
    client.force_login(make_user("office_kh", groups=["办公室审核员"]))
    response = client.get(REPORT, NOVEMBER)
    assert response.status_code == 200
    assert REPORT in client.get("/admin/").content.decode()


def test_report_page_shows_the_ranking_charts_and_lists(staff, units):
    page = staff.get(REPORT, NOVEMBER).content.decode()
    assert "2026年11月信息报送考核通报" in page
    assert "乡镇" in page and "甲镇" in page
    assert page.count("<svg") >= 2 and "<polyline" in page  # bars per category and the trend
    assert "cdn" not in page.lower().split("<svg")[1]
    assert "表扬名单" in page and "甲镇" in page.split("表扬名单")[1]
    assert "生成通报草稿" in page


def test_default_period_is_the_current_month(staff, units):
    page = staff.get(REPORT).content.decode()
    assert "2026年12月" in page
    assert "本期尚未结束" in page


@pytest.mark.parametrize(
    "query, message",
    [
        ({"kind": "month", "year": 2026, "number": 13}, "月份应在1到12之间。"),
        ({"kind": "week", "year": 2027, "number": 53}, "2027年只有52周。"),
        ({"kind": "month", "year": "abc", "number": 1}, "请填写正确的年份和期数。"),
        ({"kind": "day", "year": 2026, "number": 1}, "考核周期只能是月或周。"),
    ],
)
def test_bad_period_is_explained_not_a_server_error(staff, units, query, message):
    response = staff.get(REPORT, query, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_excel_export(staff, units):
    response = staff.get(REPORT + "excel/", NOVEMBER)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "assessment-2026-11.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "2026年11月信息报送考核通报"
    values = [row for row in sheet.iter_rows(values_only=True) if row and row[1] == "甲镇"]
    assert values[0][:4] == (1, "甲镇", 1, 1)


def test_pdf_and_print(staff, units):
    pdf = staff.get(REPORT + "pdf/", NOVEMBER)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert len(pdf.content) > 1000
    printed = staff.get(REPORT + "print/", NOVEMBER).content.decode()
    assert "<table" in printed and "甲镇" in printed and "data-print" in printed


def test_notice_draft_is_created_unpublished_and_not_submitted(staff, units, notice_column):
    response = staff.post(REPORT + "draft/", NOVEMBER)
    notice = NoticePage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{notice.pk}/edit/"
    assert notice.title == "2026年11月信息报送考核通报"
    assert not notice.live and notice.has_unpublished_changes
    assert notice.get_parent().pk == notice_column.pk
    assert "甲镇" in str(notice.body[0].value) and "第1名" in str(notice.body[0].value)
    assert not WorkflowState.objects.filter(object_id=str(notice.pk)).exists()
    issued = IssuedReport.objects.get()
    assert issued.notice_id == notice.pk and issued.period_key == "2026-11"
    assert issued.data["categories"][0]["rows"][0]["name"] == "甲镇"
    page = staff.get(REPORT, NOVEMBER).content.decode()
    assert "本期已生成的通报" in page and f"/admin/pages/{notice.pk}/edit/" in page
    # A second draft of the same period gets its own slug.
    staff.post(REPORT + "draft/", NOVEMBER)
    assert NoticePage.objects.count() == 2


def test_snapshot_is_frozen_while_the_live_report_changes(staff, units, notice_column, news_column):
    staff.post(REPORT + "draft/", NOVEMBER)
    _town, other = units
    make_item(news_column, other, submitted=at(2026, 11, 5), published=at(2026, 11, 6))
    make_item(news_column, other, submitted=at(2026, 11, 6), published=at(2026, 11, 7))
    rows = IssuedReport.objects.get().data["categories"][0]["rows"]
    assert rows[0]["name"] == "甲镇"
    assert "乙镇" in staff.get(REPORT, NOVEMBER).content.decode().split("表扬名单")[1].split("约谈名单")[0]


def test_notice_draft_without_a_notice_column_is_refused(staff, units):
    response = staff.post(REPORT + "draft/", NOVEMBER, follow=True)
    assert "网站还没有“通知公告”栏目" in response.content.decode()
    assert not NoticePage.objects.exists() and not IssuedReport.objects.exists()


def test_notice_draft_for_a_future_period_is_refused(staff, units, notice_column):
    response = staff.post(REPORT + "draft/", {"kind": "month", "year": 2027, "number": 5}, follow=True)
    assert "该期尚未开始，不能生成通报。" in response.content.decode()
    assert not NoticePage.objects.exists()


def test_draft_needs_post(staff, units, notice_column):
    assert staff.get(REPORT + "draft/", NOVEMBER).status_code == 405


@pytest.mark.parametrize("minimum", ["0", "-1"])
def test_quota_of_zero_is_refused(staff, minimum):
    response = staff.post(
        "/admin/snippets/assessment/quotarule/add/",
        {"category": ReportingUnit.CATEGORY_INTERNAL, "period": "month", "minimum": minimum},
    )
    assert response.status_code == 200
    assert "报送任务数至少为1条，不能为0或负数。" in response.content.decode()
    assert QuotaRule.objects.count() == 5


def test_quota_can_be_edited(staff):
    rule = QuotaRule.objects.get(category=ReportingUnit.CATEGORY_OTHER)
    response = staff.post(
        f"/admin/snippets/assessment/quotarule/edit/{rule.pk}/",
        {"category": rule.category, "period": "week", "minimum": "3"},
    )
    assert response.status_code == 302
    rule.refresh_from_db()
    assert (rule.period, rule.minimum) == ("week", 3)


def test_negative_weight_is_refused(staff):
    weights = ScoreWeights.load()
    data = {
        "submitted": "1",
        "adopted": "-5",
        "adopted_city": "10",
        "adopted_province": "20",
        "adopted_national": "30",
        "commend_top": "1",
        "interview_min_units": "3",
    }
    response = staff.post(f"/admin/settings/assessment/scoreweights/{weights.pk}/", data)
    assert response.status_code == 200
    assert "分值权重不能为负数。" in response.content.decode()
    weights.refresh_from_db()
    assert weights.adopted == 5
    data["adopted"] = "8"
    assert staff.post(f"/admin/settings/assessment/scoreweights/{weights.pk}/", data).status_code == 302
    weights.refresh_from_db()
    assert weights.adopted == 8


def test_higher_adoption_is_recorded_in_the_admin(staff, units):
    town, _ = units
    response = staff.post(
        "/admin/snippets/assessment/higheradoption/add/",
        {
            "unit": town.pk,
            "platform": "省委政法委网站",
            "level": "province",
            "title": "甲镇经验",
            "link": "https://example.gov.cn/a",
            "date": "2026-11-12",
        },
    )
    assert response.status_code == 302
    page = staff.get(REPORT + "print/", NOVEMBER).content.decode()
    row = page.split("甲镇")[1].split("</tr>")[0]
    assert "<td>1</td>" in row and "<td>26.0</td>" in row  # 1 + 5 + 20


def test_notice_draft_is_in_the_audit_log(staff, units, notice_column, admin_user):
    from wagtail.models import PageLogEntry

    staff.post(REPORT + "draft/", NOVEMBER)
    notice = NoticePage.objects.get()
    assert PageLogEntry.objects.filter(page=notice, action="wagtail.create", user=admin_user).exists()


def test_merge_into_itself_is_refused(staff, units):
    from assessment.models import UnitLineage

    town, _ = units
    response = staff.post(
        "/admin/snippets/assessment/unitlineage/add/",
        {"old_unit": town.pk, "new_unit": town.pk, "merged_on": "2026-11-15"},
    )
    assert response.status_code == 200
    assert "不能并入本单位。" in response.content.decode()
    assert not UnitLineage.objects.exists()


def test_report_permission_can_be_given_to_a_group(staff):
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(content_type__app_label="assessment", codename="view_report")
    page = staff.get("/admin/groups/new/").content.decode()
    assert f'value="{permission.pk}"' in page


def test_report_page_queries_do_not_grow_with_units_and_items(staff, units, news_column):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert staff.get(REPORT, NOVEMBER).status_code == 200
        return len(queries)

    count()  # warm caches (content types, site)
    before = count()
    for index in range(5):
        unit = make_unit(f"新增镇{index}", ReportingUnit.CATEGORY_TOWNSHIP)
        for day in (2, 9, 16):
            make_item(news_column, unit, submitted=at(2026, 11, day), published=at(2026, 11, day + 1))
    assert count() == before
