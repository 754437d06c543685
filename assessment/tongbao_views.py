"""The 正式通报 admin pages: list, draft header, preview, A4 print, issue, and the PDF/.docx/Excel files."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.log_actions import log

from . import charts, exports, followup
from .documents import docx, pdf
from .models import Tongbao
from .notice import NoNoticeColumn
from .tongbao import TongbaoError, create_draft, excel, issue
from .tongbao_content import FrozenReport, data_of, header
from .views import PERMISSION, _period

ISSUE_PERMISSION = "assessment.issue_tongbao"
PER_PAGE = 20
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
RENDERERS = {"pdf": pdf.render, "docx": docx.render, "xlsx": excel}


def _check(request, permission=PERMISSION):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class HeaderForm(forms.ModelForm):
    class Meta:
        model = Tongbao
        fields = ["title", "issuing_body", "number_pattern", "issue_date", "distribution"]
        widgets = {"issue_date": forms.DateInput(attrs={"type": "date"})}


def index_view(request):
    _check(request)
    page = Paginator(Tongbao.objects.select_related("created_by", "issued_by"), PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "assessment/tongbao/index.html", {"page": page})


@require_POST
def create_view(request):
    _check(request, ISSUE_PERMISSION)
    period, error = _period(request, request.POST)
    if error:
        messages.error(request, error)
        return redirect("assessment:report")
    try:
        tongbao = create_draft(period, request.user)
    except TongbaoError as exc:
        messages.error(request, str(exc))
        return redirect(reverse("assessment:report") + f"?kind={period.kind}&year={period.year}&number={period.number}")
    messages.success(request, "已生成通报草稿，请核对文头和报送/抄送范围后印发。")
    return redirect("assessment:tongbao_detail", tongbao.pk)


def _document_context(tongbao):
    data = data_of(tongbao)
    report = FrozenReport(data)
    return {
        "tongbao": tongbao,
        "head": header(tongbao),
        "data": data,
        "report": report,
        "headers": exports.HEADERS,
        "tables": [(c, [exports.row_values(r) for r in c["rows"]]) for c in data["categories"]],
        "bar_charts": [(c["label"], charts.bars(c["rows"])) for c in data["categories"]],
    }


def detail_view(request, pk):
    _check(request)
    tongbao = get_object_or_404(Tongbao, pk=pk)
    context = _document_context(tongbao)
    followups = list(tongbao.followups.select_related("unit"))
    outcomes = followup.outcome(followups)
    context |= {
        "form": None if tongbao.issued else HeaderForm(instance=tongbao),
        "can_issue": request.user.has_perm(ISSUE_PERMISSION),
        "followups": [(f, outcomes[f.pk]) for f in followups],
    }
    return TemplateResponse(request, "assessment/tongbao/detail.html", context)


@require_POST
def edit_view(request, pk):
    _check(request, ISSUE_PERMISSION)
    tongbao = get_object_or_404(Tongbao, pk=pk)
    if tongbao.issued:
        messages.error(request, "该通报已印发，内容已冻结，不能修改。")
        return redirect("assessment:tongbao_detail", pk)
    form = HeaderForm(request.POST, instance=tongbao)
    if not form.is_valid():
        context = _document_context(tongbao) | {"form": form, "can_issue": True, "followups": []}
        messages.error(request, "通报未保存，请更正下列错误。")
        return TemplateResponse(request, "assessment/tongbao/detail.html", context, status=400)
    form.save()
    log(instance=tongbao, action="wagtail.edit", user=request.user)
    messages.success(request, "文头已保存。")
    return redirect("assessment:tongbao_detail", pk)


@require_POST
def issue_view(request, pk):
    _check(request, ISSUE_PERMISSION)
    tongbao = get_object_or_404(Tongbao, pk=pk)
    try:
        tongbao = issue(tongbao, request)
    except (TongbaoError, NoNoticeColumn) as exc:
        messages.error(request, str(exc))
        return redirect("assessment:tongbao_detail", pk)
    messages.success(request, f"通报已印发，文号{tongbao.number}；通知公告草稿已生成，请提交审核后发布。")
    return redirect("assessment:tongbao_detail", pk)


def print_view(request, pk):
    _check(request)
    tongbao = get_object_or_404(Tongbao, pk=pk)
    return TemplateResponse(request, "assessment/tongbao/print.html", _document_context(tongbao))


def file_view(request, pk, fmt):
    """An issued 通报's file exactly as issued; a draft's rendered from today's figures."""
    _check(request)
    if fmt not in RENDERERS:
        raise Http404
    tongbao = get_object_or_404(Tongbao, pk=pk)
    name = f"tongbao-{tongbao.period_key}.{fmt}"
    stored = getattr(tongbao, f"{fmt}_file")
    if tongbao.issued and stored:
        return FileResponse(
            stored.open("rb"), as_attachment=fmt != "pdf", filename=name, content_type=CONTENT_TYPES[fmt]
        )
    response = HttpResponse(RENDERERS[fmt](tongbao), content_type=CONTENT_TYPES[fmt])
    disposition = "inline" if fmt == "pdf" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="draft-{name}"'
    return response
