"""Working days on the official calendar, and reference numbers and query codes."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from portal.models import WorkdayAdjustment
from portal.serials import daily_reference, hash_query_code, new_query_code, next_serial, query_code_matches
from portal.workdays import add_workdays, calendar_covers, is_workday, workdays_between

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_national_day_holiday_and_adjusted_saturday():
    assert not is_workday(date(2026, 10, 1))
    assert is_workday(date(2026, 2, 14))  # a Saturday worked in exchange for the Spring Festival
    assert not is_workday(date(2026, 11, 28))  # an ordinary Saturday


def test_five_working_days_across_national_day():
    # Received on Monday 28 September 2026: 29, 30 September, then 8, 9, 10 October (a Saturday worked).
    assert add_workdays(date(2026, 9, 28), 5) == date(2026, 10, 10)
    assert workdays_between(date(2026, 9, 28), date(2026, 10, 10)) == 5


def test_aware_datetimes_count_in_shanghai_time():
    late_friday_utc = datetime(2026, 11, 27, 17, 0, tzinfo=ZoneInfo("UTC"))  # Saturday 01:00 in Shanghai
    assert add_workdays(late_friday_utc, 1) == date(2026, 11, 30)
    assert add_workdays(datetime(2026, 11, 27, 9, 0, tzinfo=SHANGHAI), 1) == date(2026, 11, 30)


def test_years_the_package_does_not_cover_fall_back_to_weekdays_and_adjustments():
    assert calendar_covers(2026)
    assert not calendar_covers(2099)
    assert is_workday(date(2099, 1, 2))  # a Friday
    WorkdayAdjustment.objects.create(date=date(2099, 1, 2), is_workday=False, reason="元旦")
    assert not is_workday(date(2099, 1, 2))
    assert add_workdays(date(2099, 1, 1), 1) == date(2099, 1, 5)


def test_an_adjustment_overrides_the_package():
    WorkdayAdjustment.objects.create(date=date(2026, 11, 28), is_workday=True, reason="地方调休")
    assert is_workday(date(2026, 11, 28))
    assert add_workdays(date(2026, 11, 27), 1) == date(2026, 11, 28)


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        add_workdays(date(2026, 11, 25), -1)


def test_serials_count_up_per_key():
    assert [next_serial("A"), next_serial("A"), next_serial("B"), next_serial("A")] == [1, 2, 1, 3]


def test_daily_reference_uses_the_local_date():
    when = datetime(2026, 11, 24, 17, 30, tzinfo=ZoneInfo("UTC"))  # 25 November in Shanghai
    assert daily_reference("XX", when) == "XX20261125-0001"
    assert daily_reference("XX", when) == "XX20261125-0002"


def test_query_codes_are_ten_random_digits_and_stored_hashed():
    codes = {new_query_code() for _ in range(50)}
    assert len(codes) == 50 and all(len(code) == 10 and code.isdigit() for code in codes)
    code = new_query_code()
    hashed = hash_query_code(code)
    assert code not in hashed
    assert query_code_matches(code, hashed)
    assert not query_code_matches("0000000000" if code != "0000000000" else "1111111111", hashed)
    for malformed in ["", None, "12345", "abcdefghij", code + "1"]:
        assert not query_code_matches(malformed, hashed)


def test_operators_manage_workday_adjustments_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/portal/workdayadjustment/add/",
        {"date": "2027-02-06", "is_workday": "on", "reason": "春节调休"},
    )
    assert response.status_code == 302
    assert WorkdayAdjustment.objects.get(date=date(2027, 2, 6)).is_workday
