"""访问统计 in the admin: chart, tables and the Excel download for a span of days."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from . import reports
from .charts import daily_chart
from .exports import workbook_bytes
from .forms import SpanForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_view(user):
    return user.is_active and (user.is_superuser or user.has_perm("analytics.view_dailystat"))


@require_GET
def report(request):
    if not can_view(request.user):
        raise PermissionDenied
    start, end = reports.default_span()
    bound = "start" in request.GET or "end" in request.GET
    form = SpanForm(request.GET if bound else None, initial={"start": start, "end": end})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    days = reports.daily(start, end)
    columns = reports.by_column(start, end)
    if request.GET.get("format") == "xlsx" and not form.errors:
        pages = reports.by_page(start, end, limit=None)
        response = HttpResponse(workbook_bytes(start, end, days, columns, pages), content_type=XLSX)
        response["Content-Disposition"] = content_disposition_header(True, f"访问统计-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
        return response
    context = {
        "form": form,
        "start": start,
        "end": end,
        "days": days,
        "chart": daily_chart(days),
        "total_views": sum(row["views"] for row in days),
        "total_visitors": sum(row["visitors"] for row in days),
        "columns": columns,
        "pages": reports.by_page(start, end),
        "export_query": f"start={start:%Y-%m-%d}&end={end:%Y-%m-%d}&format=xlsx",
    }
    return TemplateResponse(request, "analytics/report.html", context)
