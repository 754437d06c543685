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


SPAN_QUARTER = "quarter"
SPAN_HALF = "half"
SPAN_YEAR = "year"
SPAN_YTD = "ytd"
SPAN_CHOICES = [(SPAN_QUARTER, "季度"), (SPAN_HALF, "半年"), (SPAN_YEAR, "全年"), (SPAN_YTD, "年初至某月")]
_SPAN_MONTHS = {SPAN_QUARTER: 3, SPAN_HALF: 6, SPAN_YEAR: 12}


@dataclass(frozen=True)
class Span:
    """Months added up for the 年度目标考核: a quarter (number 1–4), a half-year (1–2), the year (1), or the
    year to date up to and including month ``number`` (1–12)."""

    kind: str
    year: int
    number: int

    def __post_init__(self):
        limits = {SPAN_QUARTER: 4, SPAN_HALF: 2, SPAN_YEAR: 1, SPAN_YTD: 12}
        if self.kind not in limits:
            raise ValueError("汇总周期只能是季度、半年、全年或年初至某月。")
        if not 1 <= self.number <= limits[self.kind]:
            raise ValueError(
                {
                    SPAN_QUARTER: "季度应在1到4之间。",
                    SPAN_HALF: "半年应为1（上半年）或2（下半年）。",
                    SPAN_YEAR: "全年的期数为1。",
                    SPAN_YTD: "月份应在1到12之间。",
                }[self.kind]
            )
        if not 2000 <= self.year <= 2100:
            raise ValueError("年份应在2000到2100之间。")

    @property
    def months(self):
        if self.kind == SPAN_YTD:
            first, last = 1, self.number
        else:
            size = _SPAN_MONTHS[self.kind]
            first = (self.number - 1) * size + 1
            last = first + size - 1
        return [Period(PERIOD_MONTH, self.year, month) for month in range(first, last + 1)]

    @property
    def start(self):
        return self.months[0].start

    @property
    def end(self):
        return self.months[-1].end

    @property
    def key(self):
        suffix = {SPAN_QUARTER: "Q", SPAN_HALF: "H", SPAN_YEAR: "Y", SPAN_YTD: "YTD"}[self.kind]
        return f"{self.year}-{suffix}{self.number:02d}" if self.kind != SPAN_YEAR else f"{self.year}-Y"

    @property
    def label(self):
        if self.kind == SPAN_QUARTER:
            return f"{self.year}年第{'一二三四'[self.number - 1]}季度"
        if self.kind == SPAN_HALF:
            return f"{self.year}年{'上下'[self.number - 1]}半年"
        if self.kind == SPAN_YEAR:
            return f"{self.year}年全年"
        return f"{self.year}年1—{self.number}月累计"
