"""Quarterly, half-year, annual and year-to-date figures for the 年度目标考核, added up from the months.

Each month is assessed exactly as its monthly report (``scoring``) does, with the rules in force that month,
so a rule change during the year is honoured. Per unit: the counts and the score summed over the months that
have started, the months whose quota was met out of the months judged, and the score of every month (the
trend line). A unit is ranked within its category when it was assessed in at least one month. Every category
has a subtotal row and the summary a totals row.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from .models import ASSESSED_CATEGORIES, LEVEL_CHOICES
from .ranking import rank
from .scoring import Context, ranked_rows

COUNTS = ["submitted", "adopted", *[code for code, _ in LEVEL_CHOICES]]

HEADERS = [
    "名次",
    "单位",
    "报送",
    "本网站采用",
    "市级采用",
    "省级采用",
    "国家级采用",
    "得分",
    "完成任务月数",
    "判定任务月数",
]


@dataclass
class Summary:
    span: object
    months: list = field(default_factory=list)
    categories: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    @property
    def rows(self):
        return [row for category in self.categories for row in category["rows"]]


def _total(rows, label):
    total = {key: sum(row[key] for row in rows) for key in (*COUNTS, "months_met", "months_judged")}
    total["score"] = sum((row["score"] for row in rows), Decimal(0))
    total["name"] = label
    return total


def build_summary(span, today=None, ctx=None):
    """The summary of ``span`` over its months that have started by ``today``."""
    ctx = ctx or Context(today)
    summary = Summary(span=span, months=[month for month in span.months if month.start <= ctx.today])
    units = {}
    for index, month in enumerate(summary.months):
        for category in ranked_rows(ctx, month):
            for row in category["rows"]:
                entry = units.get(row["id"])
                if entry is None:
                    entry = units[row["id"]] = {
                        "id": row["id"],
                        "name": row["name"],
                        "category": row["category"],
                        **{key: 0 for key in COUNTS},
                        "score": Decimal(0),
                        "months_met": 0,
                        "months_judged": 0,
                        "assessed": False,
                        "series": [None] * len(summary.months),
                    }
                for key in COUNTS:
                    entry[key] += row[key]
                entry["score"] += row["score"]
                entry["series"][index] = row["score"]
                entry["assessed"] = entry["assessed"] or row["assessed"]
                if row["quota_met"] is not None:
                    entry["months_judged"] += 1
                    entry["months_met"] += row["quota_met"]
    for code, label in ASSESSED_CATEGORIES:
        members = [row for row in units.values() if row["category"] == code]
        ordered = []
        for position, row in rank([row for row in members if row["assessed"]]):
            row["rank"] = position
            ordered.append(row)
        others = sorted((row for row in members if not row["assessed"]), key=lambda r: (r["name"], r["id"]))
        for row in others:
            row["rank"] = None
        rows = ordered + others
        summary.categories.append(
            {"code": code, "label": label, "rows": rows, "subtotal": _total(rows, f"{label}小计")}
        )
    summary.totals = _total(summary.rows, "合计")
    return summary


def row_values(row):
    """A unit's row, a subtotal or the totals, as the table and the Excel show it."""
    return [
        row.get("rank", "") if row.get("rank") is not None else ("—" if "id" in row else ""),
        row["name"],
        *[row[key] for key in COUNTS],
        float(row["score"]),
        row["months_met"],
        row["months_judged"],
    ]
