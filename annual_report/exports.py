"""The report as an Excel workbook, a PDF (reportlab's built-in Chinese font) and rows for the printable page."""

from io import BytesIO
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from django.utils import timezone

from portal.excel import append_row

from .fields import SECTIONS, display

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

TITLE = ParagraphStyle("annual-title", fontName=FONT, fontSize=16, leading=24, alignment=1, spaceAfter=4)
HEADING = ParagraphStyle("annual-heading", fontName=FONT, fontSize=11, leading=16, spaceBefore=6, spaceAfter=3)
BODY = ParagraphStyle("annual-body", fontName=FONT, fontSize=9, leading=13, wordWrap="CJK")
SMALL = ParagraphStyle("annual-small", parent=BODY, fontSize=8, leading=11, textColor=colors.grey)
GRID = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
COLUMNS_SECTION = "信息发布（按栏目）"


def title(report):
    return f"{report.figures.get('site_name', '')}{report.year}年度政府网站工作年度报表"


def status_line(report):
    if report.is_issued:
        return f"已印发（{timezone.localtime(report.issued_at):%Y-%m-%d}）"
    return "草稿（未印发）"


def sections(report):
    """[(section title, [(label, value with unit), …]), …] with the per-column counts after 信息发布."""
    result = []
    for section, fields in SECTIONS:
        result.append((section, [(field.label, display(field, report.figures.get(field.key))) for field in fields]))
        if section == "信息发布":
            result.append((COLUMNS_SECTION, [(row["title"], f"{row['count']} 条") for row in report.column_counts]))
    return result


def excel_bytes(report):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "年度报表"
    append_row(sheet, [title(report)])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, ["状态", status_line(report)])
    for section, rows in sections(report):
        append_row(sheet, [section])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
        for label, value in rows:
            append_row(sheet, [label, value])
    sheet.column_dimensions["A"].width = 44
    sheet.column_dimensions["B"].width = 70
    for row in sheet.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _p(text, style=BODY):
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def pdf_bytes(report):
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title(report),
        author=report.figures.get("sponsor", ""),
    )
    story = [_p(title(report), TITLE), _p(status_line(report), SMALL)]
    for section, rows in sections(report):
        story.append(_p(section, HEADING))
        if not rows:
            story.append(_p("（无）"))
            continue
        table = Table([[_p(label), _p(value)] for label, value in rows], colWidths=[70 * mm, 104 * mm])
        table.setStyle(GRID)
        story.append(table)
    story += [Spacer(1, 5 * mm), _p(f"生成时间：{timezone.localtime():%Y-%m-%d %H:%M}", SMALL)]
    document.build(story)
    return buffer.getvalue()
