"""The assessment rules of issue 5, each with fixed dates, read back through the admin's Excel export."""

from datetime import date

import time_machine

from assessment.models import HigherAdoption, QuotaRule, ScoreWeights, UnitAssessmentStart, UnitLineage
from portal.workdays import is_workday
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit, report_response, report_rows
from tests.review.helpers import make_unit as make_review_unit
from tests.review.helpers import make_user, submit_item

TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP
KEY = ReportingUnit.CATEGORY_KEY
OTHER = ReportingUnit.CATEGORY_OTHER
MEMBER = ReportingUnit.CATEGORY_MEMBER


def test_default_quota_rules_are_those_of_the_issue(db):
    rules = {r.category: (r.period, r.minimum) for r in QuotaRule.objects.all()}
    assert rules == {
        TOWNSHIP: ("month", 2),
        MEMBER: ("month", 2),
        OTHER: ("month", 1),
        KEY: ("week", 1),
        ReportingUnit.CATEGORY_INTERNAL: ("month", 1),  # issue 16: every internal office writes
    }


def test_monthly_quota_met_and_not_met(staff, news_column):
    town_ok = make_unit("甲镇", TOWNSHIP)
    town_short = make_unit("乙镇", TOWNSHIP)
    member = make_unit("综治成员单位甲", MEMBER)
    other = make_unit("市教育局", OTHER)
    for day in (3, 20):
        make_item(news_column, town_ok, submitted=at(2026, 11, day))
    make_item(news_column, town_short, submitted=at(2026, 11, 5))
    make_item(news_column, member, submitted=at(2026, 11, 5))
    make_item(news_column, other, submitted=at(2026, 11, 5))
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["甲镇"]["报送"] == 2 and rows["甲镇"]["完成情况"] == "完成"
    assert rows["乙镇"]["完成情况"] == "未完成"
    assert rows["综治成员单位甲"]["完成情况"] == "未完成"  # members need 2 a month too
    assert rows["市教育局"]["完成情况"] == "完成"  # other departments need 1
    assert rows["甲镇"]["类别"] == "乡镇"


def test_quota_is_judged_only_after_the_period_ends(staff, news_column):
    make_unit("甲镇", TOWNSHIP)
    rows = report_rows(staff, "month", 2026, 12)
    assert rows["甲镇"]["完成情况"] == "—"


def test_weekly_quota_of_key_departments(staff, news_column):
    police = make_unit("市公安局", KEY)
    make_unit("市法院", KEY)
    make_item(news_column, police, submitted=at(2026, 11, 17))  # week 47: 16–22 November
    rows = report_rows(staff, "week", 2026, 47)
    assert rows["市公安局"]["完成情况"] == "完成"
    assert rows["市法院"]["完成情况"] == "未完成"
    assert rows["市公安局"]["任务"] == "≥1"


def test_weekly_quota_in_a_month_counts_the_weeks_starting_in_it(staff, news_column):
    """November 2026 has five Mondays (2, 9, 16, 23, 30); the week of 30 November ends on 6 December."""
    police = make_unit("市公安局", KEY)
    for day in (3, 10, 17, 24):
        make_item(news_column, police, submitted=at(2026, 11, day))
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["市公安局"]["任务"] == "每周≥1（5周）"
    assert rows["市公安局"]["完成情况"] == "未完成"
    make_item(news_column, police, submitted=at(2026, 12, 3))  # in the week that started on 30 November
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["市公安局"]["完成情况"] == "完成"
    assert rows["市公安局"]["报送"] == 4  # the December item still counts for December's totals
    assert report_rows(staff, "month", 2026, 12)["市公安局"]["报送"] == 1


def test_monthly_rule_is_not_judged_in_a_weekly_report(staff, news_column):
    make_unit("甲镇", TOWNSHIP)
    rows = report_rows(staff, "week", 2026, 47)
    assert rows["甲镇"]["完成情况"] == "—"
    assert rows["甲镇"]["任务"] == "每月≥2（按月考核）"


def test_submitted_and_adopted_use_local_dates_on_the_period_boundary(staff, news_column):
    """Submitted 31 October 23:30, published 1 November 00:10, Beijing time (still 31 October in UTC)."""
    unit = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, submitted=at(2026, 10, 31, 23, 30), published=at(2026, 11, 1, 0, 10))
    october = report_rows(staff, "month", 2026, 10)["甲镇"]
    november = report_rows(staff, "month", 2026, 11)["甲镇"]
    assert (october["报送"], october["本网站采用"]) == (1, 0)
    assert (november["报送"], november["本网站采用"]) == (0, 1)


def test_item_published_without_workflow_counts_as_submitted_when_published(staff, news_column):
    unit = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, published=at(2026, 11, 4))
    row = report_rows(staff, "month", 2026, 11)["甲镇"]
    assert (row["报送"], row["本网站采用"]) == (1, 1)


def test_draft_never_submitted_does_not_count(staff, news_column):
    unit = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit)
    assert report_rows(staff, "month", 2026, 11)["甲镇"]["报送"] == 0


def test_withdrawn_item_stops_counting_as_adopted_even_for_past_periods(staff, news_column):
    unit = make_unit("甲镇", TOWNSHIP)
    page = make_item(news_column, unit, submitted=at(2026, 11, 2), published=at(2026, 11, 3))
    assert report_rows(staff, "month", 2026, 11)["甲镇"]["本网站采用"] == 1
    page.specific.unpublish()
    row = report_rows(staff, "month", 2026, 11)["甲镇"]
    assert row["本网站采用"] == 0
    assert row["报送"] == 1  # it was submitted all the same


def test_scores_use_the_editable_weights_and_higher_adoptions(staff, news_column):
    unit = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, submitted=at(2026, 11, 2), published=at(2026, 11, 3))
    HigherAdoption.objects.create(
        unit=unit, platform="省委政法委网站", level="province", title="甲", date=date(2026, 11, 9)
    )
    HigherAdoption.objects.create(unit=unit, platform="市委网站", level="city", title="乙", date=date(2026, 11, 30))
    HigherAdoption.objects.create(unit=unit, platform="长安网", level="national", title="丙", date=date(2026, 12, 1))
    row = report_rows(staff, "month", 2026, 11)["甲镇"]
    assert (row["市级采用"], row["省级采用"], row["国家级采用"]) == (1, 1, 0)
    assert row["得分"] == 1 + 5 + 10 + 20
    weights = ScoreWeights.load()
    weights.submitted, weights.adopted, weights.adopted_province = 2, 0, 100
    weights.save()
    assert report_rows(staff, "month", 2026, 11)["甲镇"]["得分"] == 2 + 0 + 10 + 100


def test_ties_share_a_rank_and_are_listed_by_name(staff, news_column):
    units = {name: make_unit(name, TOWNSHIP) for name in ("丙镇", "乙镇", "甲镇", "丁镇")}
    for name, count in (("丙镇", 2), ("乙镇", 2), ("甲镇", 1)):
        for i in range(count):
            make_item(news_column, units[name], submitted=at(2026, 11, 2 + i))
    response = report_response(staff, "month", 2026, 11)
    rows = report_rows(staff, "month", 2026, 11)
    assert [rows[n]["名次"] for n in ("丙镇", "乙镇", "甲镇", "丁镇")] == [1, 1, 3, 4]
    order = list(rows)
    assert order.index("丙镇") < order.index("乙镇")  # same score: by name (code point order), stable
    assert response.status_code == 200


def test_rankings_are_within_each_category(staff, news_column):
    town = make_unit("甲镇", TOWNSHIP)
    other = make_unit("市教育局", OTHER)
    make_item(news_column, town, submitted=at(2026, 11, 2))
    make_item(news_column, other, submitted=at(2026, 11, 2))
    rows = report_rows(staff, "month", 2026, 11)
    assert rows["甲镇"]["名次"] == 1 and rows["市教育局"]["名次"] == 1


def test_commendation_is_rank_one_with_a_score(staff, news_column):
    best = make_unit("甲镇", TOWNSHIP)
    make_unit("乙镇", TOWNSHIP)
    make_item(news_column, best, submitted=at(2026, 11, 2))
    make_item(news_column, best, submitted=at(2026, 11, 9))  # the quota is met: a unit that misses it never is
    rows = report_rows(staff, "month", 2026, 11)
    assert "表扬" in rows["甲镇"]["备注"]
    assert "表扬" not in (rows["乙镇"]["备注"] or "")
    make_unit("市教育局", OTHER)  # alone with score 0: not commended
    assert "表扬" not in (report_rows(staff, "month", 2026, 11)["市教育局"]["备注"] or "")


def test_interview_list_after_three_consecutive_last_places(staff, news_column):
    good = make_unit("甲镇", TOWNSHIP)
    make_unit("乙镇", TOWNSHIP)  # never reports
    lonely = make_unit("市教育局", OTHER)  # alone in its category: never "last"
    for month in (9, 10, 11):
        make_item(news_column, good, submitted=at(2026, month, 5))
    assert lonely.pk
    rows = report_rows(staff, "month", 2026, 11)
    assert "约谈" in rows["乙镇"]["备注"]
    assert "约谈" not in (rows["甲镇"]["备注"] or "")
    assert "约谈" not in (rows["市教育局"]["备注"] or "")
    # Only two last places by October: not yet.
    assert "约谈" not in (report_rows(staff, "month", 2026, 10)["乙镇"]["备注"] or "")
    page = staff.get("/admin/assessment/", {"kind": "month", "year": 2026, "number": 11}).content.decode()
    assert "约谈名单" in page and "乙镇" in page.split("约谈名单")[1]


def test_interview_needs_consecutive_periods(staff, news_column):
    a = make_unit("甲镇", TOWNSHIP)
    b = make_unit("乙镇", TOWNSHIP)
    make_item(news_column, a, submitted=at(2026, 9, 5))
    make_item(news_column, b, submitted=at(2026, 10, 5))
    make_item(news_column, b, submitted=at(2026, 10, 6))
    make_item(news_column, a, submitted=at(2026, 11, 5))
    rows = report_rows(staff, "month", 2026, 11)
    assert all("约谈" not in (row["备注"] or "") for row in rows.values())


def test_unit_created_mid_period_is_assessed_from_that_period_by_default(staff, news_column):
    make_unit("甲镇", TOWNSHIP)
    new = make_unit("新设镇", TOWNSHIP, created=at(2026, 11, 10))
    make_item(news_column, new, submitted=at(2026, 11, 20))
    november = report_rows(staff, "month", 2026, 11)["新设镇"]
    assert november["名次"] == 1 and november["完成情况"] == "未完成"
    assert "起考核" not in (november["备注"] or "")
    assert november["报送"] == 1
    assert "新设镇" not in report_rows(staff, "month", 2026, 10)
    december = report_rows(staff, "month", 2026, 12)["新设镇"]
    assert december["名次"] in (1, 2) and not december["备注"]


def test_unit_created_through_the_admin_records_its_start(staff, news_column):
    """Listed from the day it is set up; assessed from the period its 考核起始 (here left empty) says."""
    response = staff.post(
        "/admin/snippets/review/reportingunit/add/",
        {
            "name": "新设司法所",
            "category": OTHER,
            "address": "",
            "phone": "",
            "sort_order": 100,
            "reports_items": "on",
            "members-TOTAL_FORMS": 0,
            "members-INITIAL_FORMS": 0,
            "members-MIN_NUM_FORMS": 0,
            "members-MAX_NUM_FORMS": 1000,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert UnitAssessmentStart.objects.get(unit__name="新设司法所").since == date(2026, 12, 20)
    assert report_rows(staff, "month", 2026, 12)["新设司法所"]["名次"] == 1
    assert "新设司法所" not in report_rows(staff, "month", 2026, 11)


def test_renamed_unit_keeps_its_items_and_shows_its_current_name(staff, news_column):
    unit = make_unit("甲镇", TOWNSHIP)
    make_item(news_column, unit, submitted=at(2026, 11, 2))
    unit.name = "甲街道"
    unit.save()
    rows = report_rows(staff, "month", 2026, 11)
    assert "甲镇" not in rows
    assert rows["甲街道"]["报送"] == 1


def test_merged_unit_rolls_into_the_new_unit_from_the_merge_date(staff, news_column):
    old = make_unit("甲镇", TOWNSHIP)
    new = make_unit("甲乙镇", TOWNSHIP)
    make_item(news_column, old, submitted=at(2026, 11, 5))
    make_item(news_column, old, submitted=at(2026, 11, 20))  # after the merge: counts for the new unit
    make_item(news_column, old, submitted=at(2026, 12, 2))
    UnitLineage.objects.create(old_unit=old, new_unit=new, merged_on=date(2026, 11, 15))
    november = report_rows(staff, "month", 2026, 11)
    assert november["甲镇"]["报送"] == 1
    assert "并入甲乙镇" in november["甲镇"]["备注"] and november["甲镇"]["名次"] == "—"
    assert november["甲乙镇"]["报送"] == 1
    december = report_rows(staff, "month", 2026, 12)
    assert "甲镇" not in december
    assert december["甲乙镇"]["报送"] == 1
    assert report_rows(staff, "month", 2026, 10)["甲镇"]["名次"] == 1


def test_week_crossing_the_year_end(staff, admin_user, news_column):
    """2026 has 53 ISO weeks: week 53 runs from Monday 28 December 2026 to Sunday 3 January 2027."""
    with time_machine.travel(at(2027, 2, 1), tick=False):
        staff.force_login(admin_user)  # a fresh session in the later "today"
        unit = make_unit("市公安局", KEY)
        make_item(news_column, unit, submitted=at(2027, 1, 2))
        assert report_rows(staff, "week", 2026, 53)["市公安局"]["报送"] == 1
        assert report_rows(staff, "week", 2027, 1)["市公安局"]["报送"] == 0
        assert report_rows(staff, "month", 2027, 1)["市公安局"]["报送"] == 1
        page = staff.get("/admin/assessment/", {"kind": "week", "year": 2026, "number": 53}).content.decode()
        assert "12月28日—01月03日" in page


def test_week_crossing_a_month_end(staff, news_column):
    unit = make_unit("市公安局", KEY)
    make_item(news_column, unit, submitted=at(2026, 11, 30))
    make_item(news_column, unit, submitted=at(2026, 12, 6, 23, 59))
    assert report_rows(staff, "week", 2026, 49)["市公安局"]["报送"] == 2


def test_holiday_week_keeps_its_boundaries_and_its_quota(staff, news_column):
    """National Day 2026: 1–7 October off, Saturday 10 October an adjusted working day.
    Weeks stay Monday to Sunday and the weekly quota applies in holiday weeks too."""
    assert not is_workday(date(2026, 10, 5)) and is_workday(date(2026, 10, 10))
    police = make_unit("市公安局", KEY)
    make_item(news_column, police, submitted=at(2026, 10, 10))  # the adjusted working Saturday
    week_40 = report_rows(staff, "week", 2026, 40)["市公安局"]  # 28 September – 4 October
    week_41 = report_rows(staff, "week", 2026, 41)["市公安局"]  # 5 – 11 October
    assert (week_40["报送"], week_40["完成情况"]) == (0, "未完成")
    assert (week_41["报送"], week_41["完成情况"]) == (1, "完成")


def test_future_period_shows_an_empty_report(staff, news_column):
    make_unit("甲镇", TOWNSHIP)
    response = staff.get("/admin/assessment/", {"kind": "month", "year": 2027, "number": 3})
    assert response.status_code == 200
    assert "该期尚未开始，暂无数据。" in response.content.decode()
    assert report_rows(staff, "month", 2027, 3) == {}
    assert report_response(staff, "month", 2027, 3, "pdf").status_code == 200


def test_item_submitted_through_the_real_workflow_counts(client, admin_user, news_column, notice_column):
    with time_machine.travel(at(2026, 11, 1), tick=False):
        correspondent, leader = make_user("xxy_kh"), make_user("ld_kh")
        unit = make_review_unit("测试市检察院", KEY, [news_column], correspondent, leader)
    with time_machine.travel(at(2026, 11, 18), tick=False):
        submit_item(client, correspondent, news_column)
    with time_machine.travel(at(2026, 12, 1), tick=False):
        client.force_login(admin_user)
        assert "起考核" not in (report_rows(client, "month", 2026, 11)[unit.name]["备注"] or "")
        assert report_rows(client, "month", 2026, 11)[unit.name]["报送"] == 1


def test_successive_merges_roll_up_to_the_last_unit(staff, news_column):
    a = make_unit("甲镇", TOWNSHIP)
    b = make_unit("乙镇", TOWNSHIP)
    c = make_unit("丙镇", TOWNSHIP)
    UnitLineage.objects.create(old_unit=a, new_unit=b, merged_on=date(2026, 11, 10))
    UnitLineage.objects.create(old_unit=b, new_unit=c, merged_on=date(2026, 11, 20))
    make_item(news_column, a, submitted=at(2026, 11, 12))  # A already in B, B not yet in C
    make_item(news_column, a, submitted=at(2026, 11, 25))  # both merges done: counts for C
    rows = report_rows(staff, "month", 2026, 11)
    assert (rows["甲镇"]["报送"], rows["乙镇"]["报送"], rows["丙镇"]["报送"]) == (0, 1, 1)
    assert rows["丙镇"]["名次"] == 1
