"""Proof on a year of generated data (make_assessment_year): the annual figures, and the December 通报's
Excel, .docx and PDF, checked cell by cell against a calculation written here from the raw tables."""

import re
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
import time_machine
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone

from wagtail.models import Page, WorkflowState

from assessment.exports import HEADERS
from assessment.models import HigherAdoption, Tongbao
from assessment.periods import Period
from assessment.scoring import Context, build_report
from review.models import ReportedItem, ReportingUnit
from tests.assessment.helpers import at

YEAR = 2025
WEIGHTS = {"submitted": 1, "adopted": 5, "city": 10, "province": 20, "national": 30}
MONTHLY_QUOTA = {ReportingUnit.CATEGORY_TOWNSHIP: 2, ReportingUnit.CATEGORY_MEMBER: 2, ReportingUnit.CATEGORY_OTHER: 1}
CATEGORY_LABELS = dict(ReportingUnit.CATEGORY_CHOICES)


def raw_items():
    """(unit id, submitted day, adopted day or None) straight from the tables."""
    page_type = ContentType.objects.get_for_model(Page)
    first = {
        int(row["object_id"]): row["first"]
        for row in WorkflowState.objects.filter(base_content_type=page_type)
        .values("object_id")
        .annotate(first=Min("created_at"))
    }
    result = []
    for item in ReportedItem.objects.select_related("page"):
        page = item.page
        submitted = first.get(page.pk) or page.first_published_at
        adopted = page.first_published_at if page.first_published_at and page.live else None
        result.append(
            (
                item.unit_id,
                timezone.localdate(submitted) if submitted else None,
                timezone.localdate(adopted) if adopted else None,
            )
        )
    return result


def month_figures(items, adoptions, units, month):
    """Every unit's row of ``YEAR``-``month`` as the rules of issue 5 define it."""
    start = date(YEAR, month, 1)
    end = (date(YEAR, month + 1, 1) if month < 12 else date(YEAR + 1, 1, 1)) - timedelta(days=1)
    mondays = [start + timedelta(days=d) for d in range((end - start).days + 1)]
    mondays = [d for d in mondays if d.weekday() == 0]
    rows = {}
    for unit in units:
        mine = [i for i in items if i[0] == unit.pk]
        row = {
            "submitted": sum(1 for _, s, _ in mine if s and start <= s <= end),
            "adopted": sum(1 for _, _, a in mine if a and start <= a <= end),
        }
        for level in ("city", "province", "national"):
            row[level] = sum(1 for u, lv, day in adoptions if u == unit.pk and lv == level and start <= day <= end)
        row["score"] = sum(row[key] * weight for key, weight in WEIGHTS.items())
        if unit.category == ReportingUnit.CATEGORY_KEY:
            row["quota"] = f"每周≥1（{len(mondays)}周）"
            row["met"] = all(any(s and m <= s <= m + timedelta(days=6) for _, s, _ in mine) for m in mondays)
        else:
            row["quota"] = f"≥{MONTHLY_QUOTA[unit.category]}"
            row["met"] = row["submitted"] >= MONTHLY_QUOTA[unit.category]
        rows[unit.pk] = row
    for category in CATEGORY_LABELS:
        members = [u for u in units if u.category == category]
        for unit in members:
            rows[unit.pk]["rank"] = 1 + sum(1 for o in members if rows[o.pk]["score"] > rows[unit.pk]["score"])
        worst = max((rows[u.pk]["rank"] for u in members), default=None)
        for unit in members:
            row = rows[unit.pk]
            row["last"] = len(members) > 1 and row["rank"] == worst and row["rank"] != 1
            row["commended"] = row["rank"] == 1 and row["score"] > 0 and row["met"]  # rule 1: never with 未完成
    return rows


def expected_cells(unit, row, interview):
    remarks = "；".join([*(["表扬"] if row["commended"] else []), *(["约谈"] if interview else [])])
    return [
        row["rank"],
        unit.name,
        row["submitted"],
        row["adopted"],
        row["city"],
        row["province"],
        row["national"],
        float(row["score"]),
        row["quota"],
        "完成" if row["met"] else "未完成",
        remarks,
    ]


def excel_tables(content):
    """{category label: [row values…]} of an exported workbook."""
    sheet = load_workbook(BytesIO(content)).active
    tables, label, in_table = defaultdict(list), None, False
    for values in sheet.iter_rows(min_row=2, values_only=True):
        values = list(values)
        if not any(v is not None for v in values):
            in_table = False
        elif values[0] == HEADERS[0]:
            in_table = True
        elif in_table:
            tables[label].append([v if v is not None else "" for v in values])
        else:
            label = values[0]
    return tables


@pytest.fixture
def year_of_data(home, news_column, notice_column):
    with time_machine.travel(at(2026, 1, 20), tick=False):
        call_command("make_assessment_year", year=YEAR, items=400, seed=16, stdout=StringIO())
        yield


def test_year_fixture_annual_figures_and_tongbao_files(client, admin_user, year_of_data):
    units = list(ReportingUnit.objects.filter(reports_items=True).order_by("pk"))
    assert {u.category for u in units} == set(MONTHLY_QUOTA) | {ReportingUnit.CATEGORY_KEY}
    items = raw_items()
    assert len(items) == 400
    adoptions = list(HigherAdoption.objects.values_list("unit_id", "level", "date"))
    months = {m: month_figures(items, adoptions, units, m) for m in range(1, 13)}

    # The annual figures: the twelve monthly reports of the assessment add up to the independent totals.
    ctx = Context()
    reports = {m: build_report(Period("month", YEAR, m), ctx=ctx) for m in range(1, 13)}
    for unit in units:
        for key in ("submitted", "adopted", "city", "province", "national"):
            annual = sum(r[key] for m in reports for r in reports[m].rows if r["id"] == unit.pk)
            assert annual == sum(months[m][unit.pk][key] for m in months), (unit.name, key)
        met = sum(1 for m in reports for r in reports[m].rows if r["id"] == unit.pk and r["quota_met"])
        assert met == sum(1 for m in months if months[m][unit.pk]["met"]), unit.name
    assert sum(r["submitted"] for m in reports for r in reports[m].rows) == 400

    # The annual report (the 全年 summary of the 年度目标考核) as the office exports it, cell by cell.
    client.force_login(admin_user)
    with time_machine.travel(at(2026, 1, 20), tick=False):
        response = client.get("/admin/assessment/summary/excel/", {"kind": "year", "year": YEAR, "number": 1})
    assert response.status_code == 200
    summary_rows = {
        row[1]: row for row in load_workbook(BytesIO(response.content))["汇总"].iter_rows(values_only=True) if row[1:2]
    }
    counts = ("submitted", "adopted", "city", "province", "national")
    for unit in units:
        row = summary_rows[unit.name]
        assert list(row[2:7]) == [sum(months[m][unit.pk][key] for m in months) for key in counts], unit.name
        assert row[7] == float(sum(months[m][unit.pk]["score"] for m in months)), unit.name
        assert row[8] == sum(1 for m in months if months[m][unit.pk]["met"]), unit.name
    totals = summary_rows["合计"]
    assert list(totals[2:7]) == [sum(months[m][u.pk][key] for m in months for u in units) for key in counts]
    assert totals[2] == 400

    # The December 通报, issued through the admin.
    client.force_login(admin_user)
    with time_machine.travel(at(2026, 1, 20), tick=False):
        response = client.post("/admin/assessment/tongbao/new/", {"kind": "month", "year": YEAR, "number": 12})
        tongbao = Tongbao.objects.get()
        assert response.status_code == 302
        response = client.post(f"/admin/assessment/tongbao/{tongbao.pk}/issue/")
        assert response.status_code == 302
    tongbao.refresh_from_db()
    assert tongbao.issued and tongbao.number == "清政法〔2026〕1号"

    december = months[12]
    interview = {u.pk for u in units if all(months[m][u.pk]["last"] for m in (10, 11, 12))}  # three running
    expected = {}
    for category, label in CATEGORY_LABELS.items():
        members = sorted((u for u in units if u.category == category), key=lambda u: (december[u.pk]["rank"], u.name))
        if members:
            expected[label] = [expected_cells(u, december[u.pk], u.pk in interview) for u in members]
    commended = [u.name for u in units if december[u.pk]["commended"]]
    interviewed = [u.name for u in units if u.pk in interview]
    assert set(tongbao.followups.values_list("unit_id", flat=True)) == interview

    # Excel: every cell.
    with tongbao.xlsx_file.open("rb") as handle:
        workbook = handle.read()
    assert excel_tables(workbook) == expected

    # .docx: the masthead, every table cell, the lists, the distribution and the charts.
    with tongbao.docx_file.open("rb") as handle:
        document = Document(BytesIO(handle.read()))
    paragraphs = [p.text for p in document.paragraphs]
    assert "中共市委政法委员会文件" in paragraphs and "清政法〔2026〕1号" in paragraphs
    commended_line = next(p for p in paragraphs if p.startswith("予以表扬："))
    assert set(commended_line.removeprefix("予以表扬：").rstrip("。").split("、")) == (set(commended) or {"无"})
    interview_line = next(p for p in paragraphs if p.startswith("约谈："))
    assert set(interview_line.removeprefix("约谈：").rstrip("。").split("、")) == (set(interviewed) or {"无"})
    assert "2026年1月20日" in paragraphs
    assert any(p.startswith("报送/抄送：市委、市人大常委会、市政府、市政协领导") for p in paragraphs)
    docx_tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert [t[0] for t in docx_tables] == [HEADERS] * len(expected)
    assert [t[1:] for t in docx_tables] == [[[str(v) for v in row] for row in rows] for rows in expected.values()]
    assert len(document.inline_shapes) == len(expected) + 1  # a bar chart per category and the trend

    # PDF: the same text in reading order, and the charts as images.
    with tongbao.pdf_file.open("rb") as handle:
        reader = PdfReader(BytesIO(handle.read()))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert "中共市委政法委员会文件" in text and "清政法〔2026〕1号" in text and "2026年1月20日" in text
    position = 0
    for label, rows in expected.items():
        position = text.index(label, position)
        for row in rows:
            cells = "".join(str(v) for v in row)
            position = text.index(cells, position)  # each row complete, in order
    assert sum(len(page.images) for page in reader.pages) == len(expected) + 1

    # The notice draft carries the same Excel; later data never changes what was issued.
    notice = tongbao.notice.specific
    assert not notice.live and tongbao.number in str(notice.body)
    attachment = notice.attachments[0].value["document"]
    with attachment.file.open("rb") as handle:
        assert excel_tables(handle.read()) == expected
    frozen = (tongbao.data, bytes(workbook))
    HigherAdoption.objects.create(
        unit=units[0], platform="国家级政法网", level="national", title="补录", date=date(YEAR, 12, 15)
    )
    response = client.get(f"/admin/assessment/tongbao/{tongbao.pk}/xlsx/")
    assert b"".join(response.streaming_content) == frozen[1]
    tongbao.refresh_from_db()
    assert tongbao.data == frozen[0]
    live = build_report(Period("month", YEAR, 12), today=date(2026, 1, 20))
    assert next(r for r in live.rows if r["id"] == units[0].pk)["national"] == december[units[0].pk]["national"] + 1
    assert Decimal(0) <= max(r["score"] for r in live.rows)
