"""网站健康检查 in the admin: the full report, its Excel export and a printable page."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from portal.site_inspection import STATE_LABELS, overall_state, run_inspection

from .excel import inspection_workbook
from .permissions import can_view_inspection

ROWS_SHOWN = 100


def _report(request):
    if not can_view_inspection(request.user):
        raise PermissionDenied
    now = timezone.now()
    return now, run_inspection(now)


def _context(now, items, show_all):
    state = overall_state(items)
    return {
        "now": now,
        "items": items,
        "overall_state": state,
        "overall_label": STATE_LABELS[state],
        "rows_shown": None if show_all else ROWS_SHOWN,
    }


@require_GET
def report(request):
    now, items = _report(request)
    return render(request, "inspection/report.html", _context(now, items, request.GET.get("all") == "1"))


@require_GET
def print_view(request):
    now, items = _report(request)
    return render(request, "inspection/print.html", _context(now, items, True))


@require_GET
def excel(request):
    now, items = _report(request)
    response = HttpResponse(
        inspection_workbook(items, now, request.build_absolute_uri("/")[:-1]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"inspection-{timezone.localtime(now):%Y%m%d-%H%M}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
