"""The report as an Excel workbook and as a PDF 通报 (reportlab's built-in Chinese font)."""

from io import BytesIO
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from portal.excel import append_row

from . import individuals
from . import summary as summaries

HEADERS = [
    "名次",
    "单位",
    "报送",
    "本网站采用",
    "市级采用",
    "省级采用",
    "国家级采用",
    "得分",
    "任务",
    "完成情况",
    "备注",
]

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
TITLE = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, alignment=1, spaceAfter=6)
HEADING = ParagraphStyle("heading", fontName=FONT, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK")


def quota_status(row):
    if row["quota_met"] is None:
        return "—"
    return "完成" if row["quota_met"] else "未完成"


def remarks(row):
    parts = [row["note"]] if row["note"] else []
    if row.get("commended"):
        parts.append("表扬")
    if row.get("interview"):
        parts.append("约谈")
    return "；".join(parts)


def row_values(row):
    return [
        row["rank"] if row["rank"] is not None else "—",
        row["name"],
        row["submitted"],
        row["adopted"],
        row["city"],
        row["province"],
        row["national"],
        float(row["score"]),
        row["quota"],
        quota_status(row),
        remarks(row),
    ]


def title(report):
    return f"{report.period.label}信息报送考核通报"


def people_sheet(book, people):
    """The individual rankings (``individuals.individuals``) on their own sheet."""
    sheet = book.create_sheet("个人排名")
    append_row(sheet, ["按职级汇总（撰稿人）"])
    append_row(sheet, individuals.RANK_HEADERS)
    for row in people["by_rank"]:
        append_row(sheet, individuals.rank_values(row))
    for caption, rows in (("信息员排名", people["correspondents"]), ("撰稿人排名", people["authors"])):
        sheet.append([])
        append_row(sheet, [caption])
        append_row(sheet, individuals.HEADERS)
        for row in rows:
            append_row(sheet, individuals.row_values(row))


def excel(report, people=None):
    book = Workbook()
    sheet = book.active
    sheet.title = report.period.key
    append_row(sheet, [title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    for category in report.categories:
        if not category["rows"]:
            continue
        sheet.append([])
        append_row(sheet, [category["label"]])
        append_row(sheet, HEADERS)
        for row in category["rows"]:
            append_row(sheet, row_values(row))
    if report.future:
        sheet.append(["该期尚未开始，暂无数据。"])
    if people is not None:
        people_sheet(book, people)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def p(text, style=BODY):
    return Paragraph(escape(str(text)), style)


def pdf(report):
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title(report), leftMargin=30, rightMargin=30)
    story = [p(title(report), TITLE)]
    if report.future:
        story.append(p("该期尚未开始，暂无数据。"))
    for category in report.categories:
        if not category["rows"]:
            continue
        story.append(p(category["label"], HEADING))
        data = [[p(h) for h in HEADERS]] + [[p(v) for v in row_values(row)] for row in category["rows"]]
        table = Table(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    story.append(Spacer(1, 8))
    story.append(p("表扬：" + ("、".join(r["name"] for r in report.commended) or "无")))
    story.append(p("约谈：" + ("、".join(r["name"] for r in report.interview) or "无")))
    doc.build(story)
    return buffer.getvalue()


def summary_title(summary):
    return f"{summary.span.label}信息报送考核汇总"


def summary_excel(summary, people=None):
    """The summary: per category its units, a subtotal row, then the totals row; the monthly scores of every
    unit (the trend lines) on a second sheet; the individual rankings on a third."""
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总"
    append_row(sheet, [summary_title(summary)])
    sheet["A1"].font = Font(bold=True, size=14)
    for category in summary.categories:
        if not category["rows"]:
            continue
        sheet.append([])
        append_row(sheet, [category["label"]])
        append_row(sheet, summaries.HEADERS)
        for row in category["rows"]:
            append_row(sheet, summaries.row_values(row))
        append_row(sheet, summaries.row_values(category["subtotal"]))
    sheet.append([])
    append_row(sheet, summaries.row_values(summary.totals))
    if not summary.months:
        sheet.append(["该期尚未开始，暂无数据。"])
    monthly = book.create_sheet("逐月得分")
    append_row(monthly, ["单位", "类别", *[month.label for month in summary.months]])
    for category in summary.categories:
        for row in category["rows"]:
            append_row(
                monthly,
                [row["name"], category["label"], *[float(v) if v is not None else "—" for v in row["series"]]],
            )
    if people is not None:
        people_sheet(book, people)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
