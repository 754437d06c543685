"""Assessment periods: calendar months and ISO weeks, in local (Asia/Shanghai) dates.

A week runs Monday to Sunday and is numbered as ISO 8601 does, so 2026-W01 is 2025-12-29 to
2026-01-04 and a week that crosses a month or year end is one period, never split. When a
weekly quota is checked in a monthly report, a week belongs to the month it starts in.
Public holidays and adjusted working days (调休) do not move week boundaries: a quota is per
calendar week, holiday or not.
"""

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from .models import PERIOD_MONTH, PERIOD_WEEK


@dataclass(frozen=True, order=True)
class Period:
    kind: str
    year: int
    number: int

    def __post_init__(self):
        if self.kind == PERIOD_MONTH:
            if not 1 <= self.number <= 12:
                raise ValueError("月份应在1到12之间。")
        elif self.kind == PERIOD_WEEK:
            last = date(self.year, 12, 28).isocalendar()[1]
            if not 1 <= self.number <= last:
                raise ValueError(f"{self.year}年只有{last}周。")
        else:
            raise ValueError("考核周期只能是月或周。")
        if not 2000 <= self.year <= 2100:
            raise ValueError("年份应在2000到2100之间。")

    @classmethod
    def containing(cls, kind, day):
        if kind == PERIOD_MONTH:
            return cls(kind, day.year, day.month)
        iso = day.isocalendar()
        return cls(kind, iso[0], iso[1])

    @property
    def start(self):
        if self.kind == PERIOD_MONTH:
            return date(self.year, self.number, 1)
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def end(self):
        """The last day of the period (inclusive)."""
        if self.kind == PERIOD_MONTH:
            return date(self.year, self.number, monthrange(self.year, self.number)[1])
        return self.start + timedelta(days=6)

    @property
    def key(self):
        return f"{self.year}-{self.number:02d}" if self.kind == PERIOD_MONTH else f"{self.year}-W{self.number:02d}"

    @property
    def label(self):
        if self.kind == PERIOD_MONTH:
            return f"{self.year}年{self.number}月"
        return f"{self.year}年第{self.number}周（{self.start:%m月%d日}—{self.end:%m月%d日}）"

    def previous(self):
        return Period.containing(self.kind, self.start - timedelta(days=1))

    def next(self):
        return Period.containing(self.kind, self.end + timedelta(days=1))

    def weeks_starting_in(self):
        """The ISO weeks whose Monday falls in this month (for weekly quotas in a monthly report)."""
        if self.kind == PERIOD_WEEK:
            return [self]
        day = self.start + timedelta(days=(7 - self.start.weekday()) % 7)
        weeks = []
        while day <= self.end:
            weeks.append(Period.containing(PERIOD_WEEK, day))
            day += timedelta(days=7)
        return weeks
