"""The 通报 as an A4 PDF in the layout of an official document: red masthead with the issuing body,
document number, title, body, ranking tables, charts, commendations and 约谈, signature, distribution."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import HRFlowable, Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .. import exports
from ..tongbao_content import FrozenReport, data_of, header, names, ordinal
from . import charts
from .fonts import document_font

RED = colors.HexColor("#c00000")
EMBEDDED = "TongbaoFont"
BUILT_IN = "STSong-Light"
CONTENT_WIDTH = A4[0] - 2 * 26 * mm


def _font():
    """The embedded TrueType font when installed (the PDF then reads the same everywhere), else the built-in one."""
    path = document_font()
    if path is None:
        if BUILT_IN not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(BUILT_IN))
        return BUILT_IN
    if EMBEDDED not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(EMBEDDED, path, subfontIndex=0))
    return EMBEDDED


def _styles(font):
    def style(name, size, **kwargs):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.5, wordWrap="CJK", **kwargs)

    return {
        "masthead": style("masthead", 26, alignment=1, textColor=RED),
        "number": style("number", 12, alignment=1),
        "title": style("title", 18, alignment=1, spaceBefore=12, spaceAfter=12),
        "body": style("body", 12, firstLineIndent=24),
        "heading": style("heading", 13, spaceBefore=10, spaceAfter=4),
        "cell": style("cell", 8.5),
        "sign": style("sign", 12, alignment=2),
        "small": style("small", 10.5),
    }


def _p(text, style):
    return Paragraph(escape(str(text)), style)


def _table(category, s):
    data = [[_p(h, s["cell"]) for h in exports.HEADERS]]
    data += [[_p(v, s["cell"]) for v in exports.row_values(row)] for row in category["rows"]]
    widths = [24, 92, 26, 34, 30, 30, 34, 34, 64, 38]
    widths.append(CONTENT_WIDTH - sum(widths))
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _image(png, width):
    image = Image(BytesIO(png))
    image.drawWidth, image.drawHeight = width, width * image.imageHeight / image.imageWidth
    return image


def render(tongbao) -> bytes:
    data, head = data_of(tongbao), header(tongbao)
    s = _styles(_font())
    report = FrozenReport(data)
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=head["title"],
        author=head["issuing_body"],
        topMargin=30 * mm,
        bottomMargin=24 * mm,
        leftMargin=26 * mm,
        rightMargin=26 * mm,
    )
    story = [
        _p(f"{head['issuing_body']}文件", s["masthead"]),
        Spacer(1, 10),
        _p(head["number"], s["number"]),
        HRFlowable(width="100%", thickness=2, color=RED, spaceBefore=4, spaceAfter=8),
        _p(head["title"], s["title"]),
        _p(data["intro"], s["body"]),
    ]
    for index, category in enumerate(data["categories"], start=1):
        story.append(_p(f"{ordinal(index)}、{category['label']}", s["heading"]))
        story.append(_table(category, s))
    story.append(_p(f"{ordinal(len(data['categories']) + 1)}、各单位得分", s["heading"]))
    for category in data["categories"]:
        story.append(KeepTogether([_p(category["label"], s["small"]), _image(charts.bars(category["rows"]), 150 * mm)]))
    story.append(KeepTogether([_p("报送和采用趋势", s["small"]), _image(charts.trend(data["trend"]), 150 * mm)]))
    story += [
        Spacer(1, 8),
        _p(f"予以表扬：{names(report.commended)}。", s["body"]),
        _p(f"约谈：{names(report.interview)}。", s["body"]),
        Spacer(1, 24),
        _p(head["issuing_body"], s["sign"]),
        _p(head["date_text"], s["sign"]),
        Spacer(1, 18),
        HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceAfter=4),
        _p("报送/抄送：" + "，".join(head["distribution"]) + "。", s["small"]),
        HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceBefore=4),
    ]
    doc.build(story)
    return buffer.getvalue()
