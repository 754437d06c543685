"""Office entry (录入) screens: choose the 报送单位 of an item typed in from paper, upload the scan of the
leader's paper signature, and serve that scan to those who may see the item's 审批单."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from wagtail.admin import messages
from wagtail.models import Page

from ..forms import OfficeEntryForm, SignatureScanForm
from ..models import ReportedItem, Signature
from ..office_entry import (
    OFFICE_ONLY,
    enter_for_unit,
    entry_refusal,
    entry_units,
    is_office,
    record_scan,
    scan_leaders,
    scan_task_state,
)
from ..permissions import can_view_item


def _office_page(request, page_id):
    if not is_office(request.user):
        raise PermissionDenied(OFFICE_ONLY)
    page = get_object_or_404(Page, pk=page_id, depth__gt=2).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def entry_view(request, page_id):
    page = _office_page(request, page_id)
    reported = ReportedItem.objects.filter(page_id=page.pk).select_related("unit", "entered_by").first()
    refusal = entry_refusal(page, request.user)
    form = OfficeEntryForm(
        request.POST or None, units=entry_units(), initial={"unit": reported.unit_id if reported else None}
    )
    if request.method == "POST" and refusal is None and form.is_valid():
        enter_for_unit(page, form.cleaned_data["unit"], request.user)
        messages.success(
            request,
            f"“{page.get_admin_display_title()}”已登记为{form.cleaned_data['unit'].name}报送的信息。"
            "提交审核后，由该单位领导在线签字，或由办公室上传纸质签字扫描件。",
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "review/office_entry/entry.html",
        {"page": page, "form": form, "reported": reported, "refusal": refusal},
    )


def scan_view(request, page_id):
    page = _office_page(request, page_id)
    task_state = scan_task_state(page)
    if task_state is None:
        messages.error(
            request, "该信息当前不在报送单位领导签字环节，或不是办公室代录入的信息，不能上传纸质签字扫描件。"
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    form = SignatureScanForm(request.POST or None, request.FILES or None, leaders=scan_leaders(page))
    if request.method == "POST" and form.is_valid():
        content_type, extension = form.scan_kind
        restarted = record_scan(
            page,
            request.user,
            leader=form.cleaned_data["leader"],
            upload=form.cleaned_data["scan"],
            content_type=content_type,
            extension=extension,
            comment=form.cleaned_data["comment"],
        )
        if restarted:
            messages.warning(request, f"“{page.get_admin_display_title()}”：{restarted}")
        else:
            messages.success(request, f"“{page.get_admin_display_title()}”：已上传纸质签字扫描件，签字环节通过。")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "review/office_entry/scan.html",
        {
            "page": page,
            "form": form,
            "revision": page.get_latest_revision(),
            "has_leaders": scan_leaders(page).exists(),
        },
    )


def scan_file_view(request, pk):
    """The scan, for those who may see the item's 审批单; always a download, never rendered inline."""
    signature = get_object_or_404(Signature.objects.select_related("page"), pk=pk, method=Signature.METHOD_SCAN)
    if not can_view_item(request.user, signature.page.specific):
        raise PermissionDenied
    try:
        handle = signature.scan.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("签字扫描件文件不存在。") from error
    extension = signature.scan.name.rsplit(".", 1)[-1]
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"签字扫描件-{signature.page_id}-{signature.pk}.{extension}",
        content_type=signature.scan_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
