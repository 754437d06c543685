"""通讯录: import the reporting units' people from Excel, export them to Excel."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from ..contacts import export_contacts, import_contacts
from ..forms import ContactImportForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def import_view(request):
    if not (request.user.has_perm("review.add_reportingunit") and request.user.has_perm("review.change_reportingunit")):
        raise PermissionDenied
    form = ContactImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = import_contacts(form.cleaned_data["file"])
        if result.ok:
            form = ContactImportForm()
    return TemplateResponse(request, "review/contacts/import.html", {"form": form, "result": result})


def export_view(request):
    if not request.user.has_perm("review.view_reportingunit") and not request.user.has_perm(
        "review.change_reportingunit"
    ):
        raise PermissionDenied
    response = HttpResponse(export_contacts(), content_type=XLSX)
    filename = f"通讯录-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
