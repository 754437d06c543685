"""Admin views of the annual report: list and create, edit, recalculate, issue, export, publish."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from wagtail.log_actions import log
from wagtail.models import Site

from .compute import compute
from .exports import excel_bytes, pdf_bytes, sections, status_line, title
from .forms import AnnualReportForm, CreateReportForm
from .models import PERMISSION, AnnualReport, ReportStatus
from .publish import CannotPublish, create_page_draft


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def index_view(request):
    _check(request)
    today = timezone.localdate()
    form = CreateReportForm(request.POST or None, today=today, initial={"year": today.year - 1})
    if request.method == "POST":
        if form.is_valid():
            year = form.cleaned_data["year"]
            figures, column_counts = compute(year, _site(request))
            with transaction.atomic():
                report = AnnualReport.objects.create(
                    year=year,
                    figures=figures,
                    column_counts=column_counts,
                    computed_at=timezone.now(),
                    created_by=request.user,
                )
                log(instance=report, action="wagtail.create", user=request.user)
            messages.success(request, f"已根据网站数据生成{year}年度报表草稿，请核对后印发。")
            return redirect("annual_report:edit", report.pk)
        messages.error(request, "未能生成年度报表，请检查下面的错误。")
    return TemplateResponse(request, "annual_report/index.html", {"reports": AnnualReport.objects.all(), "form": form})


def edit_view(request, pk):
    _check(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    form = AnnualReportForm(request.POST or None, report=report)
    if request.method == "POST":
        if report.is_issued:
            messages.error(request, "该年度报表已印发，不能再修改。")
            return redirect("annual_report:edit", report.pk)
        if form.is_valid():
            with transaction.atomic():
                report.figures = form.figures()
                report.column_counts = form.column_counts()
                report.save()
                log(instance=report, action="wagtail.edit", user=request.user)
            messages.success(request, "年度报表已保存。")
            return redirect("annual_report:edit", report.pk)
        messages.error(request, "未能保存，请检查下面的错误。")
    grouped, columns = form.sections()
    return TemplateResponse(
        request,
        "annual_report/edit.html",
        {
            "report": report,
            "form": form,
            "sections": grouped,
            "column_fields": columns,
            "readonly_sections": sections(report),
            "title": title(report),
            "status_line": status_line(report),
        },
    )


@require_POST
def recalculate_view(request, pk):
    _check(request)
    with transaction.atomic():
        report = get_object_or_404(AnnualReport.objects.select_for_update(), pk=pk)
        if report.is_issued:
            messages.error(request, "该年度报表已印发，不能重新计算。")
            return redirect("annual_report:edit", report.pk)
        report.figures, report.column_counts = compute(report.year, _site(request), keep=report.figures)
        report.computed_at = timezone.now()
        report.save()
        log(instance=report, action="wagtail.edit", user=request.user, data={"recalculated": True})
    messages.success(request, "已根据网站当前数据重新计算；手工填写的非统计项保持不变。")
    return redirect("annual_report:edit", report.pk)


@require_POST
def issue_view(request, pk):
    _check(request)
    with transaction.atomic():
        report = get_object_or_404(AnnualReport.objects.select_for_update(), pk=pk)
        try:
            report.ensure_draft()
        except ValidationError:
            messages.error(request, "该年度报表已经印发。")
            return redirect("annual_report:edit", report.pk)
        report.status = ReportStatus.ISSUED
        report.issued_at = timezone.now()
        report.issued_by = request.user
        report.save()
        log(instance=report, action="wagtail.publish", user=request.user)
    messages.success(request, "年度报表已印发，数据不再变化。可以生成政务公开页面提交审核。")
    return redirect("annual_report:edit", report.pk)


@require_POST
def publish_view(request, pk):
    _check(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    try:
        page = create_page_draft(report, request.user, _site(request))
    except CannotPublish as exc:
        messages.error(request, str(exc))
        return redirect("annual_report:edit", report.pk)
    messages.success(request, f"已在政务公开栏目生成“{page.title}”并提交审核，审核通过后发布。")
    return redirect("wagtailadmin_pages:edit", page.pk)


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def excel_view(request, pk):
    _check(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    return _download(
        excel_bytes(report),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"annual-report-{report.year}.xlsx",
    )


def pdf_view(request, pk):
    _check(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    return _download(pdf_bytes(report), "application/pdf", f"annual-report-{report.year}.pdf")


def print_view(request, pk):
    _check(request)
    report = get_object_or_404(AnnualReport, pk=pk)
    return TemplateResponse(
        request,
        "annual_report/print.html",
        {"report": report, "title": title(report), "status_line": status_line(report), "sections": sections(report)},
    )
