"""The report as an Excel workbook: 每日, 栏目, 页面 sheets, written through ``portal.excel``."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from portal.excel import append_row


def workbook_bytes(start, end, days, columns, pages):
    book = Workbook()
    sheet = book.active
    sheet.title = "每日"
    append_row(sheet, [f"网站访问统计（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}）"])
    sheet["A1"].font = Font(bold=True, size=14)
    append_row(sheet, ["日期", "浏览量", "访客数"])
    for row in days:
        append_row(sheet, [row["day"], row["views"], row["visitors"]])
    append_row(sheet, ["合计", sum(row["views"] for row in days), sum(row["visitors"] for row in days)])
    for title, rows in (("栏目", columns), ("页面", pages)):
        sheet = book.create_sheet(title)
        append_row(sheet, [title, "网址或编号", "浏览量", "访客数（按日累计）"])
        for row in rows:
            append_row(sheet, [row["title"], row["key"], row["views"], row["visitors"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
