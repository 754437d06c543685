"""Helpers of the assessment tests: units, items with fixed dates, and the report read back from the Excel export."""

from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import time_machine
from openpyxl import load_workbook

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, Workflow, WorkflowState

from assessment.exports import HEADERS
from columns.plugins.news.models import NewsPage
from review.models import ReportedItem
from tests.columns.factories import NewsPageFactory
from tests.review.factories import ReportingUnitFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year, month, day, hour=10, minute=0):
    """A Shanghai local time."""
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def make_unit(name, category, *, created=None):
    """A unit set up at ``created`` (long before the tested periods by default)."""
    with time_machine.travel(created or at(2025, 1, 1), tick=False):
        return ReportingUnitFactory(name=name, category=category)


_counter = {"n": 0}


def make_item(column, unit, *, submitted=None, published=None, live=True):
    """An item of ``unit``: first submitted to the workflow at ``submitted``, first published at ``published``."""
    _counter["n"] += 1
    n = _counter["n"]
    page = NewsPageFactory(
        parent=column, title=f"信息{n}", slug=f"item-{n}", live=bool(published and live), publish_date=at(2026, 1, 1)
    )
    Page.objects.filter(pk=page.pk).update(first_published_at=published, live=bool(published and live))
    ReportedItem.objects.update_or_create(page_id=page.pk, defaults={"unit": unit})
    if submitted is not None:
        state = WorkflowState.objects.create(
            content_type=ContentType.objects.get_for_model(NewsPage),
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            workflow=Workflow.objects.first(),
            status=WorkflowState.STATUS_APPROVED,
        )
        WorkflowState.objects.filter(pk=state.pk).update(created_at=submitted)
    return page


def report_response(client, kind, year, number, fmt="excel"):
    return client.get(f"/admin/assessment/{fmt}/", {"kind": kind, "year": year, "number": number})


def report_rows(client, kind, year, number):
    """The report as the Excel export gives it: {unit name: {header: value, "类别": category}}."""
    response = report_response(client, kind, year, number)
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content)).active
    rows, category, in_table = {}, None, False
    for values in sheet.iter_rows(values_only=True):
        values = list(values)
        if not any(v is not None for v in values):
            in_table = False
            continue
        if values[0] == HEADERS[0]:
            in_table = True
            continue
        if in_table:
            row = dict(zip(HEADERS, values, strict=False))
            row["类别"] = category
            rows[row["单位"]] = row
        elif len(values) < 2 or values[1] is None:
            category = values[0]
    return rows
