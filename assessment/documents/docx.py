"""The 通报 as a Word-compatible .docx (python-docx): the same content as the PDF, charts included."""

from io import BytesIO

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .. import exports
from ..tongbao_content import FrozenReport, data_of, header, names, ordinal
from . import charts

FONT = "仿宋"
HEADING_FONT = "黑体"
RED = RGBColor(0xC0, 0x00, 0x00)


def _run(paragraph, text, size=16, font=FONT, bold=False, colour=None):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.name = font
    run.font.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)  # CJK text uses this font
    if colour is not None:
        run.font.color.rgb = colour
    return run


def _para(document, text, size=16, align=None, font=FONT, colour=None, indent=False):
    paragraph = document.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    _run(paragraph, text, size=size, font=font, colour=colour)
    return paragraph


def render(tongbao) -> bytes:
    data, head = data_of(tongbao), header(tongbao)
    report = FrozenReport(data)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    document.core_properties.title = head["title"]
    document.core_properties.author = head["issuing_body"]
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _para(document, f"{head['issuing_body']}文件", size=26, align=center, font="宋体", colour=RED)
    _para(document, head["number"], align=center)
    _para(document, "━" * 22, size=14, align=center, colour=RED)
    _para(document, head["title"], size=22, align=center, font="宋体")
    _para(document, data["intro"], indent=True)
    for index, category in enumerate(data["categories"], start=1):
        _para(document, f"{ordinal(index)}、{category['label']}", font=HEADING_FONT)
        table = document.add_table(rows=1, cols=len(exports.HEADERS))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, exports.HEADERS, strict=True):
            cell.text = ""
            _run(cell.paragraphs[0], text, size=9, bold=True)
        for row in category["rows"]:
            cells = table.add_row().cells
            for cell, value in zip(cells, exports.row_values(row), strict=True):
                _run(cell.paragraphs[0], str(value), size=9)
    _para(document, f"{ordinal(len(data['categories']) + 1)}、各单位得分", font=HEADING_FONT)
    for category in data["categories"]:
        _para(document, category["label"], size=12)
        document.add_picture(BytesIO(charts.bars(category["rows"])), width=Mm(150))
    _para(document, "报送和采用趋势", size=12)
    document.add_picture(BytesIO(charts.trend(data["trend"])), width=Mm(150))
    _para(document, f"予以表扬：{names(report.commended)}。", indent=True)
    _para(document, f"约谈：{names(report.interview)}。", indent=True)
    _para(document, "")
    _para(document, head["issuing_body"], align=right)
    _para(document, head["date_text"], align=right)
    _para(document, "报送/抄送：" + "，".join(head["distribution"]) + "。", size=14)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
