"""What a 通报 says: its content (from the live report while a draft, frozen once issued) and its
文头/文尾. The print view, the PDF, the .docx, the Excel and the notice all render this."""

from dataclasses import dataclass
from datetime import date

from . import exports
from .periods import Period
from .scoring import Context, build_report, trend

INTRO = "现将{label}各单位信息报送考核情况通报如下。"


def period_of(kind, key):
    """The period of a stored ``period_key`` (``2026-11`` or ``2026-W47``)."""
    year, number = key.split("-")
    return Period(kind, int(year), int(number.lstrip("W")))


def content(report, points):
    """Everything a 通报 shows, as plain JSON: it is what an issued 通报 keeps."""
    rows = []
    categories = []
    for category in report.categories:
        if not category["rows"]:
            continue
        kept = [
            {key: row.get(key) for key in exports_keys()} | {"score": str(row["score"])} for row in category["rows"]
        ]
        rows.extend(kept)
        categories.append({"code": category["code"], "label": category["label"], "rows": kept})
    return {
        "kind": report.period.kind,
        "key": report.period.key,
        "label": report.period.label,
        "title": exports.title(report),
        "intro": INTRO.format(label=report.period.label),
        "categories": categories,
        "commended": [{"id": r["id"], "name": r["name"]} for r in report.commended],
        "interview": [{"id": r["id"], "name": r["name"]} for r in report.interview],
        "trend": [{"key": p["period"].key, "submitted": p["submitted"], "adopted": p["adopted"]} for p in points],
    }


def exports_keys():
    return [
        "id",
        "name",
        "category",
        "submitted",
        "adopted",
        "city",
        "province",
        "national",
        "quota",
        "quota_met",
        "rank",
        "note",
        "commended",
        "interview",
    ]


def live_content(kind, key, today=None):
    period = period_of(kind, key)
    ctx = Context(today)
    report = build_report(period, ctx=ctx)
    return content(report, trend(period, ctx=ctx)), report


@dataclass(frozen=True)
class FrozenPeriod:
    kind: str
    key: str
    label: str


class FrozenReport:
    """A 通报's content shaped like ``scoring.Report``, for the existing Excel export and notice body."""

    future = False

    def __init__(self, data):
        self.period = FrozenPeriod(data["kind"], data["key"], data["label"])
        self.categories = data["categories"]
        rows = [row for category in self.categories for row in category["rows"]]
        self.commended = [row for row in rows if row.get("commended")]
        self.interview = [row for row in rows if row.get("interview")]


def data_of(tongbao):
    """The content of ``tongbao``: frozen if issued, else today's figures."""
    if tongbao.issued:
        return tongbao.data
    return live_content(tongbao.period_kind, tongbao.period_key)[0]


def header(tongbao):
    """The 文头 and 文尾 of the document."""
    return {
        "number": tongbao.number or tongbao.number_pattern.format(year=tongbao.issue_date.year, seq="　"),
        "issuing_body": tongbao.issuing_body,
        "issue_date": tongbao.issue_date,
        "date_text": chinese_date(tongbao.issue_date),
        "title": tongbao.title,
        "distribution": tongbao.distribution_lines,
        "issued": tongbao.issued,
    }


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def names(rows):
    return "、".join(row["name"] for row in rows) or "无"


def ordinal(n):
    """一, 二, … 十九: the numbering of a 通报's sections."""
    digits = "零一二三四五六七八九十"
    return digits[n] if n <= 10 else f"十{digits[n - 10]}"
