"""The 政务公开 sub-navigation: the catalogue, the text pages under it and the online request."""

from django import template

from wagtail.models import Site

from columns.plugins.gov_info.models import GovInfoColumnPage

from ..models import DisclosurePage

register = template.Library()


@register.inclusion_tag("disclosure/includes/nav.html")
def disclosure_nav(column, current=None):
    """``column`` is the 政务公开 column; ``current`` the page being shown (the column itself by default)."""
    pages = DisclosurePage.objects.child_of(column).live().public().order_by("path") if column else []
    return {"column": column, "pages": pages, "current": current or column}


@register.simple_tag(takes_context=True)
def disclosure_column(context):
    """The site's live 政务公开 column, for the breadcrumbs of the request views."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    columns = GovInfoColumnPage.objects.live().public()
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    return columns.order_by("path").first()
