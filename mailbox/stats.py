"""Figures the public statistics page, its chart and the Excel export share: one source, one definition.

received  letters that arrived in the period (by the date they arrived)
answered  of those, the ones whose writer has been told the outcome (reply published, or refusal with reason)
rate      answered / received
average   mean working days from arrival to the answer, over the answered letters
ratings   the writers' ratings of replies; unrated after the rating period counts as 满意
"""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from django.db.models import Avg, Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from portal.excel import append_row

from .conf import setting
from .models import ANSWERED_STATUSES, Category, Letter, Rating, Status


def _rate(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _figures(row):
    received, answered = row["received"], row["answered"]
    average = row.get("average")
    return {
        "received": received,
        "answered": answered,
        "rate": _rate(answered, received),
        "average": round(average, 1) if average is not None else None,
    }


AGGREGATES = {
    "received": Count("pk"),
    "answered": Count("pk", filter=Q(status__in=ANSWERED_STATUSES)),
    "average": Avg("answer_workdays", filter=Q(status__in=ANSWERED_STATUSES)),
}


def available_years():
    first = Letter.objects.order_by("created_at").values_list("created_at", flat=True).first()
    this_year = timezone.localdate().year
    start = timezone.localdate(first).year if first else this_year
    return list(range(this_year, start - 1, -1))


def year_statistics(year):
    letters = Letter.objects.filter(created_at__year=year)
    totals = _figures(letters.aggregate(**AGGREGATES))

    per_category = {row["category"]: row for row in letters.values("category").annotate(**AGGREGATES)}
    empty = {"received": 0, "answered": 0, "average": None}
    by_category = [{"label": label, **_figures(per_category.get(value, empty))} for value, label in Category.choices]

    per_month = {
        row["month"]: row
        for row in letters.annotate(month=ExtractMonth("created_at")).values("month").annotate(**AGGREGATES)
    }
    by_month = [
        {"month": month, "label": f"{month}月", **_figures(per_month.get(month, empty))} for month in range(1, 13)
    ]

    rated = dict(
        letters.filter(status=Status.REPLIED)
        .with_effective_rating()
        .values("effective_rating")
        .annotate(count=Count("pk"))
        .values_list("effective_rating", "count")
    )
    ratings = [{"label": label, "count": rated.get(value, 0)} for value, label in Rating.choices]
    rated_total = sum(item["count"] for item in ratings)
    satisfied = rated.get(Rating.SATISFIED, 0) + rated.get(Rating.BASIC, 0)
    return {
        "year": year,
        "totals": totals,
        "by_category": by_category,
        "by_month": by_month,
        "ratings": ratings,
        "awaiting_rating": rated.get("", 0),
        "satisfaction_rate": _rate(satisfied, rated_total),
    }


def monthly_chart_svg(statistics, width=720, height=260):
    """An inline SVG bar chart of letters received and answered per month; no script, no external file."""
    months = statistics["by_month"]
    top = max([row["received"] for row in months] + [1])
    left, bottom, plot_top = 36, height - 28, 16
    slot = (width - left - 8) / 12
    bar = slot * 0.34

    def y(value):
        return bottom - (bottom - plot_top) * value / top

    bars = []
    for index, row in enumerate(months):
        x = left + index * slot + slot * 0.14
        for offset, key, css in ((0, "received", "received"), (bar + 2, "answered", "answered")):
            value = row[key]
            bars.append(
                (
                    f"{x + offset:.1f}",
                    f"{y(value):.1f}",
                    f"{bar:.1f}",
                    f"{bottom - y(value):.1f}",
                    css,
                    f"{row['label']}{'收信' if key == 'received' else '已答复'}{value}件",
                )
            )
    labels = [
        (f"{left + index * slot + slot / 2:.1f}", f"{height - 8}", row["label"]) for index, row in enumerate(months)
    ]
    ticks = [(left - 6, f"{y(value) + 4:.1f}", value) for value in sorted({0, top // 2, top})]
    return format_html(
        '<svg class="mailbox-chart" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="mailbox-chart-title">'
        '<title id="mailbox-chart-title">{year}年每月收信和答复件数</title>'
        '<line x1="{left}" y1="{bottom}" x2="{w}" y2="{bottom}" class="mailbox-chart__axis"/>'
        "{ticks}{bars}{labels}</svg>",
        w=width,
        h=height,
        year=statistics["year"],
        left=left,
        bottom=bottom,
        ticks=format_html_join(
            "", '<text x="{}" y="{}" class="mailbox-chart__tick" text-anchor="end">{}</text>', ticks
        ),
        bars=format_html_join(
            "",
            '<rect x="{}" y="{}" width="{}" height="{}" class="mailbox-chart__bar mailbox-chart__bar--{}">'
            "<title>{}</title></rect>",
            bars,
        ),
        labels=format_html_join(
            "", '<text x="{}" y="{}" class="mailbox-chart__label" text-anchor="middle">{}</text>', labels
        ),
    )


def _percent(value):
    return f"{value}%" if value is not None else "—"


def _number(value):
    return value if value is not None else "—"


def statistics_workbook(statistics):
    """The same figures as an Excel workbook: 汇总, 按类别, 按月份."""
    workbook = Workbook()
    bold = Font(bold=True)
    totals = statistics["totals"]

    summary = workbook.active
    summary.title = "汇总"
    append_row(summary, [f"书记信箱{statistics['year']}年办理情况统计"])
    summary["A1"].font = Font(bold=True, size=14)
    append_row(summary, ["统计时间", timezone.localtime().strftime("%Y-%m-%d %H:%M")])
    append_row(summary, [])
    rows = [
        ("收信件数", totals["received"]),
        ("已答复件数", totals["answered"]),
        ("答复率", _percent(totals["rate"])),
        ("平均答复用时（工作日）", _number(totals["average"])),
        *[(f"评价：{item['label']}", item["count"]) for item in statistics["ratings"]],
        ("待评价", statistics["awaiting_rating"]),
        ("满意率（满意和基本满意）", _percent(statistics["satisfaction_rate"])),
    ]
    for row in rows:
        append_row(summary, list(row))
    append_row(summary, [])
    append_row(
        summary,
        [
            "说明：答复率为已答复件数除以收信件数；不予受理并告知理由的计为已答复。"
            f"答复后{setting('RATING_WORKDAYS')}个工作日内未评价的按满意计。"
        ],
    )

    header = ["收信件数", "已答复件数", "答复率", "平均答复用时（工作日）"]
    for title, key, rows in (("按类别", "类别", statistics["by_category"]), ("按月份", "月份", statistics["by_month"])):
        sheet = workbook.create_sheet(title)
        append_row(sheet, [key, *header])
        for row in rows:
            append_row(
                sheet, [row["label"], row["received"], row["answered"], _percent(row["rate"]), _number(row["average"])]
            )
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(horizontal="center")
    for sheet in workbook.worksheets:
        sheet.column_dimensions["A"].width = 28
        for column in "BCDE":
            sheet.column_dimensions[column].width = 18

    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
