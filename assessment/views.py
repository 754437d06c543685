"""The 考核通报 admin pages: ranking table with charts, Excel, print, PDF and the notice draft."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from . import charts, exports, individuals
from .models import PERIOD_CHOICES, PERIOD_MONTH, IssuedReport
from .notice import NoNoticeColumn, create_notice_draft
from .periods import SPAN_CHOICES, SPAN_YTD, Period, Span
from .scoring import Context, build_report, trend
from .summary import HEADERS as SUMMARY_HEADERS
from .summary import build_summary
from .summary import row_values as summary_values

PERMISSION = "assessment.view_report"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _period(request, source):
    """The period asked for, or the current month; an invalid choice says why."""
    today = timezone.localdate()
    kind = source.get("kind") or PERIOD_MONTH
    if "year" not in source and "number" not in source:
        return Period.containing(kind if kind in dict(PERIOD_CHOICES) else PERIOD_MONTH, today), None
    try:
        return Period(kind, int(source.get("year", "")), int(source.get("number", ""))), None
    except ValueError as error:
        message = (
            str(error) if str(error) and not str(error).startswith("invalid literal") else "请填写正确的年份和期数。"
        )
        return Period.containing(PERIOD_MONTH, today), message


def _query(period):
    return f"?kind={period.kind}&year={period.year}&number={period.number}"


def people_context(ctx, periods, weights=None):
    """The individual rankings as template tables."""
    people = individuals.individuals(ctx, periods, weights)
    return {
        "people": {
            "rank_rows": [individuals.rank_values(r) for r in people["by_rank"]],
            "tables": [
                ("信息员排名", [individuals.row_values(r) for r in people["correspondents"]]),
                ("撰稿人排名", [individuals.row_values(r) for r in people["authors"]]),
            ],
        },
        "people_headers": individuals.HEADERS,
        "rank_headers": individuals.RANK_HEADERS,
    }


def report_view(request):
    _check(request)
    period, error = _period(request, request.GET)
    if error:
        messages.error(request, error)
    ctx = Context()
    report = build_report(period, ctx=ctx)
    points = trend(period, ctx=ctx)
    context = {
        "report": report,
        "period": period,
        "period_choices": PERIOD_CHOICES,
        "query": _query(period),
        "bar_charts": [(c["label"], charts.bars(c["rows"])) for c in report.categories if c["rows"]],
        "trend_chart": charts.trend(points),
        "headers": exports.HEADERS,
        "rows": [(c, [exports.row_values(r) for r in c["rows"]]) for c in report.categories],
        "title": exports.title(report),
        "issued": IssuedReport.objects.filter(period_kind=period.kind, period_key=period.key).select_related(
            "created_by"
        ),
    }
    if not report.future:
        context.update(people_context(ctx, [period]))
    return TemplateResponse(request, "assessment/report.html", context)


def print_view(request):
    _check(request)
    period, _ = _period(request, request.GET)
    report = build_report(period)
    context = {
        "report": report,
        "title": exports.title(report),
        "headers": exports.HEADERS,
        "rows": [(c, [exports.row_values(r) for r in c["rows"]]) for c in report.categories],
    }
    return TemplateResponse(request, "assessment/print.html", context)


def excel_view(request):
    _check(request)
    period, _ = _period(request, request.GET)
    ctx = Context()
    report = build_report(period, ctx=ctx)
    people = None if report.future else individuals.individuals(ctx, [period])
    response = HttpResponse(
        exports.excel(report, people),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="assessment-{period.key}.xlsx"'
    return response


def pdf_view(request):
    _check(request)
    period, _ = _period(request, request.GET)
    response = HttpResponse(exports.pdf(build_report(period)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="assessment-{period.key}.pdf"'
    return response


@require_POST
def draft_view(request):
    _check(request)
    period, error = _period(request, request.POST)
    back = reverse("assessment:report") + _query(period)
    if error:
        messages.error(request, error)
        return redirect(back)
    report = build_report(period)
    if report.future:
        messages.error(request, "该期尚未开始，不能生成通报。")
        return redirect(back)
    try:
        page = create_notice_draft(request, report)
    except NoNoticeColumn as exc:
        messages.error(request, str(exc))
        return redirect(back)
    messages.success(request, f"已生成通报草稿“{page.title}”，请提交审核后发布。")
    return redirect("wagtailadmin_pages:edit", page.pk)


def issued_view(request, pk):
    """An issued 通报 exactly as it was frozen: later items, withdrawals and rule changes do not touch it."""
    _check(request)
    issued = get_object_or_404(IssuedReport.objects.select_related("created_by"), pk=pk)
    categories = issued.data.get("categories", [])
    rows = [row for category in categories for row in category["rows"]]
    context = {
        "issued": issued,
        "headers": exports.HEADERS,
        "rows": [(category, [exports.row_values(r) for r in category["rows"]]) for category in categories],
        "commended": [row["name"] for row in rows if row.get("commended")],
        "interview": [row["name"] for row in rows if row.get("interview")],
    }
    return TemplateResponse(request, "assessment/issued.html", context)


def _span(request):
    """The span asked for, or the year to the current month; an invalid choice says why."""
    today = timezone.localdate()
    source = request.GET
    if "year" not in source and "number" not in source:
        return Span(SPAN_YTD, today.year, today.month), None
    try:
        return Span(source.get("kind", ""), int(source.get("year", "")), int(source.get("number", ""))), None
    except ValueError as error:
        message = (
            str(error) if str(error) and not str(error).startswith("invalid literal") else "请填写正确的年份和期数。"
        )
        return Span(SPAN_YTD, today.year, today.month), message


def summary_view(request):
    """Quarter, half-year, year and year-to-date figures per unit and category, with a trend line per unit."""
    _check(request)
    span, error = _span(request)
    if error:
        messages.error(request, error)
    ctx = Context()
    summary = build_summary(span, ctx=ctx)
    labels = [f"{month.number}月" for month in summary.months]
    context = {
        "summary": summary,
        "span": span,
        "span_choices": SPAN_CHOICES,
        "query": f"?kind={span.kind}&year={span.year}&number={span.number}",
        "title": exports.summary_title(summary),
        "headers": SUMMARY_HEADERS,
        "categories": [
            (
                category,
                [summary_values(r) for r in category["rows"]],
                summary_values(category["subtotal"]),
                charts.unit_lines(labels, [(r["name"], r["series"]) for r in category["rows"]]),
            )
            for category in summary.categories
            if category["rows"]
        ],
        "totals": summary_values(summary.totals),
    }
    if summary.months:
        context.update(people_context(ctx, summary.months))
    return TemplateResponse(request, "assessment/summary.html", context)


def summary_excel_view(request):
    _check(request)
    span, _ = _span(request)
    ctx = Context()
    summary = build_summary(span, ctx=ctx)
    people = individuals.individuals(ctx, summary.months) if summary.months else None
    response = HttpResponse(
        exports.summary_excel(summary, people),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="assessment-summary-{span.key}.xlsx"'
    return response
