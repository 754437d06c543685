"""约谈 follow-up (issue 16, item 6): recorded per unit on an issued 通报's list, checked, shown with the
unit's later periods, and on the office's dashboard once overdue."""

import pytest
import time_machine

from assessment.models import InterviewFollowUp, Tongbao
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit

TOWNSHIP = ReportingUnit.CATEGORY_TOWNSHIP
EDIT = "/admin/snippets/assessment/interviewfollowup/edit/{}/"


@pytest.fixture
def followup(staff, news_column, notice_column):
    """乙镇 is on the 约谈 list of the November 2026 通报, issued on 2026-12-20."""
    first = make_unit("甲镇", TOWNSHIP)
    make_unit("乙镇", TOWNSHIP)
    for month in (9, 10, 11):
        make_item(news_column, first, submitted=at(2026, month, 5), published=at(2026, month, 6))
    staff.post("/admin/assessment/tongbao/new/", {"kind": "month", "year": 2026, "number": 11})
    staff.post(f"/admin/assessment/tongbao/{Tongbao.objects.get().pk}/issue/")
    return InterviewFollowUp.objects.get()


def record(client, followup, **fields):
    data = {"held_on": "", "attendees": "", "agreed": "", "due": "", "closed_on": "", "remarks": ""} | fields
    return client.post(EDIT.format(followup.pk), data)


def test_a_talk_is_recorded_and_checked(staff, followup):
    assert followup.unit.name == "乙镇"
    response = record(staff, followup, held_on="2026-12-18", attendees="", agreed="每月报送3条", due="2026-12-10")
    assert response.status_code == 200
    html = response.content.decode()
    assert "请填写参加约谈的人员。" in html and "整改期限不能早于约谈日期。" in html
    assert record(staff, followup, held_on="2026-12-25", attendees="张三").status_code == 200  # in the future
    followup.refresh_from_db()
    assert followup.held_on is None and followup.agreed == ""
    response = record(
        staff, followup, held_on="2026-12-18", attendees="乙镇党委书记、信息员", agreed="每月报送3条", due="2027-01-31"
    )
    assert response.status_code == 302
    followup.refresh_from_db()
    assert followup.attendees == "乙镇党委书记、信息员" and str(followup.due) == "2027-01-31"
    assert staff.get("/admin/snippets/assessment/interviewfollowup/add/").status_code in (302, 403)


def test_overdue_follow_ups_are_on_the_dashboard(staff, admin_user, followup):
    assert "没有超期的约谈跟进。" in staff.get("/admin/").content.decode()
    with time_machine.travel(at(2027, 1, 10), tick=False):  # no talk 15 days after issue
        staff.force_login(admin_user)  # the session of 2026-12-20 has expired
        html = staff.get("/admin/").content.decode()
        assert "超期的约谈跟进（1）" in html and "乙镇" in html and "尚未约谈" in html
        record(staff, followup, held_on="2027-01-08", attendees="乙镇党委书记", agreed="每月报送3条", due="2027-01-31")
        assert "没有超期的约谈跟进。" in staff.get("/admin/").content.decode()
    with time_machine.travel(at(2027, 2, 2), tick=False):  # the agreed deadline has passed
        staff.force_login(admin_user)
        assert "超期的约谈跟进（1）" in staff.get("/admin/").content.decode()
        record(
            staff,
            followup,
            held_on="2027-01-08",
            attendees="乙镇党委书记",
            agreed="每月报送3条",
            due="2027-01-31",
            closed_on="2027-02-01",
        )
        assert "没有超期的约谈跟进。" in staff.get("/admin/").content.decode()


def test_later_periods_show_whether_the_unit_improved(staff, admin_user, followup, news_column):
    page = staff.get(f"/admin/assessment/tongbao/{followup.tongbao_id}/").content.decode()
    assert "2026年12月" in page and "本期未结束" in page
    for day in (3, 9, 15):
        make_item(news_column, followup.unit, submitted=at(2026, 12, day), published=at(2026, 12, day + 1))
    with time_machine.travel(at(2027, 1, 10), tick=False):
        staff.force_login(admin_user)
        page = staff.get(f"/admin/assessment/tongbao/{followup.tongbao_id}/").content.decode()
        assert "2026年12月：第1名" in page and "已改进" in page
