"""The corrected rules of issue 16 (1–3), read back through the admin's report, Excel and snippet views."""

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from assessment.models import Author, Authorship, HigherAdoption, ScoreWeights
from review.models import ReportedItem, ReportingUnit, UnitMember
from tests.assessment.helpers import at, make_item, make_unit, report_response, report_rows

TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP
KEY = ReportingUnit.CATEGORY_KEY
OTHER = ReportingUnit.CATEGORY_OTHER
INTERNAL = ReportingUnit.CATEGORY_INTERNAL
WEEKS = (45, 46, 47)  # 2–8, 9–15 and 16–22 November 2026


def remark(row):
    return row["备注"] or ""


# Rule 1 ------------------------------------------------------------------------------------------------


def test_unit_that_missed_its_quota_is_never_commended(staff, news_column):
    """市教育局 tops its category with a higher adoption alone, but submitted nothing: 未完成, no 表扬."""
    education = make_unit("市教育局", OTHER)
    civil = make_unit("市民政局", OTHER)
    make_item(news_column, civil, submitted=at(2026, 11, 3))
    HigherAdoption.objects.create(
        unit=education, platform="市委网站", level="city", title="教育", date=date(2026, 11, 10)
    )
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["市教育局"]["名次"] == 1 and rows["市教育局"]["完成情况"] == "未完成"
    assert "表扬" not in remark(rows["市教育局"])
    page = staff.get("/admin/assessment/", {"kind": "month", "year": 2026, "number": 11}).content.decode()
    assert "市教育局" not in page.split("表扬名单")[1].split("约谈名单")[0]


# Rule 2 ------------------------------------------------------------------------------------------------


def test_weekly_report_ranks_only_units_with_a_weekly_quota(staff, news_column):
    active = make_unit("甲镇", TOWNSHIP)
    make_unit("乙镇", TOWNSHIP)
    make_unit("丙镇", TOWNSHIP)
    police, court = make_unit("市公安局", KEY), make_unit("市法院", KEY)
    make_unit("市检察院", KEY)  # never reports
    for week, day in zip(WEEKS, (3, 10, 17), strict=True):
        for unit in (active, police, court):
            make_item(news_column, unit, submitted=at(2026, 11, day))
        rows = report_rows(staff, "week", 2026, week)
        for town in ("甲镇", "乙镇", "丙镇"):
            assert rows[town]["名次"] == "—" and "按月考核" in remark(rows[town])
            assert "表扬" not in remark(rows[town])
        assert rows["市检察院"]["名次"] == 3
    assert "约谈" not in remark(rows["乙镇"]) and "约谈" not in remark(rows["丙镇"])
    assert "约谈" in remark(rows["市检察院"])  # three weeks last among the weekly units
    monthly = report_rows(staff, "month", 2026, 11)  # months still rank the townships
    assert monthly["甲镇"]["名次"] == 1 and monthly["乙镇"]["名次"] == 2


def test_small_category_has_no_last_place_interview_unless_the_quota_is_missed(staff, news_column):
    police, court = make_unit("市公安局", KEY), make_unit("市法院", KEY)
    for day in (3, 10, 17):
        make_item(news_column, police, submitted=at(2026, 11, day))
        make_item(news_column, police, submitted=at(2026, 11, day, 11))
        make_item(news_column, court, submitted=at(2026, 11, day))  # meets the weekly quota, last all the same
    rows = report_rows(staff, "week", 2026, 47)
    assert rows["市法院"]["名次"] == 2 and rows["市法院"]["完成情况"] == "完成"
    assert "约谈" not in remark(rows["市法院"])
    weights = ScoreWeights.load()
    weights.interview_min_units = 2  # the setting: two units are enough for a last place
    weights.save()
    assert "约谈" in remark(report_rows(staff, "week", 2026, 47)["市法院"])


def test_small_category_last_place_with_a_missed_quota_is_interviewed(staff, news_column):
    police = make_unit("市公安局", KEY)
    make_unit("市法院", KEY)  # never reports: quota missed three weeks running
    for day in (3, 10, 17):
        make_item(news_column, police, submitted=at(2026, 11, day))
    assert "约谈" in remark(report_rows(staff, "week", 2026, 47)["市法院"])


def test_interview_minimum_setting_refuses_less_than_two(staff):
    weights = ScoreWeights.load()
    data = {
        "submitted": "1",
        "adopted": "5",
        "adopted_city": "10",
        "adopted_province": "20",
        "adopted_national": "30",
        "commend_top": "1",
        "interview_min_units": "1",
    }
    response = staff.post(f"/admin/settings/assessment/scoreweights/{weights.pk}/", data)
    assert "末位约谈最少单位数至少为2。" in response.content.decode()
    weights.refresh_from_db()
    assert weights.interview_min_units == 3


# Rule 3 ------------------------------------------------------------------------------------------------


def test_internal_offices_are_assessed_and_ranked(staff, news_column):
    office = make_unit("办公室", INTERNAL)
    make_unit("综治股", INTERNAL)
    make_item(news_column, office, submitted=at(2026, 11, 3), published=at(2026, 11, 4))
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["办公室"]["类别"] == "政法委内设股室"
    assert (rows["办公室"]["名次"], rows["办公室"]["完成情况"]) == (1, "完成")
    assert (rows["综治股"]["名次"], rows["综治股"]["完成情况"]) == (2, "未完成")  # one item a month by default


@pytest.fixture
def people(news_column, today):
    """An internal office with a correspondent and two authors: a 科级干部 and a 股室长."""
    office = make_unit("综治股", INTERNAL)
    town = make_unit("甲镇", TOWNSHIP)
    member = UnitMember.objects.create(unit=office, name="王信息", position="综治股干事", phone="13800000011")
    leader = Author.objects.create(name="李书记", unit=office, rank=Author.RANK_SECTION, position="副书记")
    head = Author.objects.create(name="赵股长", unit=office, rank=Author.RANK_OFFICE_HEAD, position="综治股股长")
    Author.objects.create(name="钱干部", unit=town, rank=Author.RANK_STAFF)
    first = make_item(news_column, office, submitted=at(2026, 11, 3), published=at(2026, 11, 4))
    second = make_item(news_column, office, submitted=at(2026, 11, 5))
    make_item(news_column, office, submitted=at(2026, 10, 5), published=at(2026, 10, 6))  # another month
    ReportedItem.objects.filter(page__in=[first, second]).update(correspondent=member)
    Authorship.objects.create(page=first, author=leader)
    Authorship.objects.create(page=first, author=head)
    Authorship.objects.create(page=second, author=head)
    HigherAdoption.objects.create(
        unit=office, platform="省委政法委网站", level="province", title="综治", date=date(2026, 11, 20), page=first
    )
    return first


def people_sheet(client):
    response = report_response(client, "month", 2026, 11)
    sheet = load_workbook(BytesIO(response.content))["个人排名"]
    return [list(values) for values in sheet.iter_rows(values_only=True)]


def test_individuals_are_ranked_per_correspondent_and_per_author(staff, people):
    rows = people_sheet(staff)
    by_name = {row[1]: row for row in rows if len(row) > 6 and row[1]}
    # 名次, 姓名, 单位, 写稿, 本网站采用, 上级采用, 得分 (1 + 5 + 20 for the first item, 1 for the second)
    assert by_name["王信息（综治股干事）"] == [1, "王信息（综治股干事）", "综治股", 2, 1, 1, 27.0]
    assert by_name["李书记（科级干部·副书记）"] == [2, "李书记（科级干部·副书记）", "综治股", 1, 1, 1, 26.0]
    assert by_name["赵股长（股室长·综治股股长）"] == [1, "赵股长（股室长·综治股股长）", "综治股", 2, 1, 1, 27.0]
    assert by_name["钱干部（一般干部）"][3:] == [0, 0, 0, 0.0]
    ranks = {row[0]: row[1:5] for row in rows if row[0] in dict(Author.RANK_CHOICES).values()}
    assert ranks["科级干部"] == [1, 1, 1, 1] and ranks["股室长"] == [1, 2, 1, 1]


def test_report_page_shows_the_individual_ranking_with_positions(staff, people):
    page = staff.get("/admin/assessment/", {"kind": "month", "year": 2026, "number": 11}).content.decode()
    assert "个人排名" in page and "科级干部带头写，股室长示范写" in page
    people_part = page.split("个人排名")[1]
    assert "李书记（科级干部·副书记）" in people_part and "王信息（综治股干事）" in people_part


def test_authors_are_recorded_in_the_admin_with_clear_errors(staff, people, news_column):
    office = ReportingUnit.objects.get(name="综治股")
    response = staff.post(
        "/admin/snippets/assessment/author/add/",
        {"name": "孙科长", "unit": office.pk, "rank": Author.RANK_SECTION, "position": ""},
    )
    assert response.status_code == 302
    author = Author.objects.get(name="孙科长")
    response = staff.post("/admin/snippets/assessment/authorship/add/", {"page": people.pk, "author": author.pk})
    assert response.status_code == 302
    response = staff.post("/admin/snippets/assessment/authorship/add/", {"page": people.pk, "author": author.pk})
    assert response.status_code == 200 and "该撰稿人已登记为这条信息的撰稿人。" in response.content.decode()
    unreported = make_item(news_column, office)
    ReportedItem.objects.filter(page=unreported).delete()
    response = staff.post("/admin/snippets/assessment/authorship/add/", {"page": unreported.pk, "author": author.pk})
    assert "这条信息不是报送单位报送的信息，不能登记撰稿人。" in response.content.decode()
    assert Authorship.objects.filter(author=author).count() == 1
