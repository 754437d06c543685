"""Working days on China's official calendar: the one helper every deadline in the portal uses.

Holidays and adjusted working days (调休) come from the ``chinese-calendar``
package, overridden by ``WorkdayAdjustment`` rows that operators edit in the
admin. For a year the package does not cover yet, Monday to Friday are working
days unless adjusted, and ``calendar_covers`` tells the admin to enter that
year's schedule.
"""

from datetime import date, datetime, timedelta

import chinese_calendar

from django.utils import timezone

from .models import WorkdayAdjustment

MAX_SPAN_DAYS = 3 * 366


def _as_date(value):
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def calendar_covers(year):
    """Whether the official schedule for ``year`` is known to the installed calendar package."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def _official_workday(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


class WorkCalendar:
    """Answers working-day questions over a span with one query for the adjustments in it."""

    def __init__(self, start, end):
        self.adjustments = dict(
            WorkdayAdjustment.objects.filter(date__range=(start, end)).values_list("date", "is_workday")
        )

    def is_workday(self, day):
        if day in self.adjustments:
            return self.adjustments[day]
        return _official_workday(day)


def is_workday(day):
    day = _as_date(day)
    return WorkCalendar(day, day).is_workday(day)


def add_workdays(start, count):
    """The date ``count`` working days after ``start`` (``start`` itself does not count).

    ``add_workdays(received, 5)`` is the deadline for "reply within 5 working days".
    """
    if count < 0:
        raise ValueError("count must not be negative")
    day = _as_date(start)
    calendar = WorkCalendar(day, day + timedelta(days=MAX_SPAN_DAYS))
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if day - _as_date(start) > timedelta(days=MAX_SPAN_DAYS):
            raise ValueError("deadline too far in the future")
        if calendar.is_workday(day):
            remaining -= 1
    return day


def workdays_between(start, end):
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` is not after ``start``)."""
    first, last = _as_date(start), _as_date(end)
    if last <= first:
        return 0
    calendar = WorkCalendar(first, last)
    return sum(calendar.is_workday(first + timedelta(days=offset)) for offset in range(1, (last - first).days + 1))
