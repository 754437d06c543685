"""信息报送审批单: an item's review trail as a print view and as a PDF."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import content_disposition_header

from wagtail.models import Page, Site

from portal.models import SiteIdentity

from ..pdf import render_trail_pdf
from ..permissions import can_view_item
from ..trail import build_trail


def _trail_for(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_view_item(request.user, page):
        raise PermissionDenied
    return build_trail(page)


def _site_name(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    return SiteIdentity.for_site(site).site_name


def print_view(request, page_id):
    trail = _trail_for(request, page_id)
    return TemplateResponse(request, "review/trail/print.html", {"trail": trail, "site_name": _site_name(request)})


def pdf_view(request, page_id):
    trail = _trail_for(request, page_id)
    response = HttpResponse(render_trail_pdf(trail, _site_name(request)), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, f"信息报送审批单-{trail.page.pk}.pdf")
    return response
