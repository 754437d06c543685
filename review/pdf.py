"""The 信息报送审批单 as a PDF, with reportlab's built-in Chinese font (no font files to ship)."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from django.utils import timezone

from .people import member_label, person_label

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

TITLE = ParagraphStyle("title", fontName=FONT, fontSize=18, leading=26, alignment=1, spaceAfter=6)
HEADING = ParagraphStyle("heading", fontName=FONT, fontSize=12, leading=18, spaceBefore=8, spaceAfter=4)
BODY = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=14, wordWrap="CJK")
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=11, textColor=colors.grey)

GRID = TableStyle(
    [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
    ]
)


def p(text, style=BODY):
    return Paragraph(escape(str(text or "")).replace("\n", "<br/>"), style)


def _step_detail(step):
    lines = []
    if step.revision_id:
        lines.append(f"版本：第{step.revision_id}号")
    for label, changes in step.changes:
        lines.append(f"{label}改动：" + "；".join(changes))
    if step.comment:
        lines.append(f"意见：{step.comment}")
    if step.signature:
        lines.append(step.signature.summary)
    for report in step.check_reports:
        if report.findings:
            lines.extend(
                f"[{'必须处理' if f['level'] == 'blocking' else '提示'}] {f['message']}" for f in report.findings
            )
        else:
            lines.append("自动检查未发现问题")
        if report.override_reason:
            lines.append(f"放行理由：{report.override_reason}")
    return "\n".join(lines)


def render_trail_pdf(trail, site_name):
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"信息报送审批单：{trail.title}",
        author=site_name,
    )
    reported = trail.reported
    story = [p(site_name, SMALL), p("信息报送审批单", TITLE)]
    info = [
        [p("信息标题"), p(trail.title)],
        [p("报送单位"), p(reported.unit.name if reported else "（非报送单位信息）")],
        [p("信息员"), p(member_label(reported.correspondent) if reported else "")],
        [p("报送时间"), p(timezone.localtime(reported.created_at).strftime("%Y-%m-%d %H:%M") if reported else "")],
    ]
    if reported and reported.entered_by_id:
        info.append([p("代录入"), p(f"{person_label(reported.entered_by)}（办公室根据纸质材料录入）")])
    table = Table(info, colWidths=[30 * mm, 150 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story.append(table)

    if not trail.rounds:
        story.append(p("该信息尚未提交审核。", HEADING))
    for review_round in trail.rounds:
        story.append(
            p(
                f"第{review_round.number}次报送（{review_round.workflow}，{review_round.status}）"
                f" 提交人：{review_round.requested_by} 提交时间：{review_round.started_at}",
                HEADING,
            )
        )
        rows = [[p("审核环节"), p("结果"), p("审核人"), p("时间"), p("意见、签字和检查")]]
        rows += [
            [p(step.name), p(step.status), p(step.actor), p(step.finished_at or step.started_at), p(_step_detail(step))]
            for step in review_round.steps
        ]
        steps = Table(rows, colWidths=[30 * mm, 18 * mm, 32 * mm, 28 * mm, 72 * mm], repeatRows=1)
        steps.setStyle(GRID)
        story.append(steps)

    if trail.post_checks:
        story.append(p("发布后复查", HEADING))
        rows = [[p("发布时间"), p("复查期限"), p("状态"), p("处理人"), p("说明")]]
        for check in trail.post_checks:
            rows.append(
                [
                    p(timezone.localtime(check.published_at).strftime("%Y-%m-%d %H:%M")),
                    p(check.due_date.strftime("%Y-%m-%d")),
                    p(check.get_status_display()),
                    p(person_label(check.handled_by)),
                    p(check.error_description),
                ]
            )
        table = Table(rows, colWidths=[32 * mm, 24 * mm, 34 * mm, 30 * mm, 60 * mm], repeatRows=1)
        table.setStyle(GRID)
        story.append(table)

    story += [Spacer(1, 6 * mm), p(f"打印时间：{timezone.localtime():%Y-%m-%d %H:%M}", SMALL)]
    document.build(story)
    return buffer.getvalue()
