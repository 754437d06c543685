"""网站健康检查 as an Excel workbook: an overview sheet and one row per finding."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from django.utils import timezone

from portal.excel import append_row


def inspection_workbook(items, now, base_url=""):
    workbook = Workbook()
    overview = workbook.active
    overview.title = "总览"
    append_row(overview, [f"网站健康检查 {timezone.localtime(now):%Y-%m-%d %H:%M}"])
    append_row(overview, ["检查项", "单项否决", "状态", "说明", "触发日期", "检查规则"])
    for item in items:
        append_row(
            overview,
            [
                item.title,
                "是" if item.veto else "否",
                item.state_label,
                item.summary,
                item.breach_on.isoformat() if item.breach_on else "",
                item.rule,
            ],
        )
    details = workbook.create_sheet("明细")
    append_row(details, ["检查项", "对象", "状态", "说明", "期限", "链接"])
    for item in items:
        for row in item.rows:
            append_row(
                details,
                [
                    item.title,
                    row.label,
                    row.state_label,
                    row.detail,
                    row.due.isoformat() if row.due else "",
                    base_url + row.url if row.url.startswith("/") else row.url,
                ],
            )
    for sheet in (overview, details):
        for cell in sheet[2 if sheet is overview else 1]:
            cell.font = Font(bold=True)
        for column, width in zip("ABCDEF", (16, 10, 10, 60, 12, 60), strict=True):
            sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
