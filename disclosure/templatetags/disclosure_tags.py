"""The 政务公开 sub-navigation: the catalogue, the text pages under it and the online request."""

from django import template

from wagtail.models import Page, Site

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
    # the column types the pages may live under (the 政务公开 column), without importing the plugin by name
    columns = Page.objects.live().public().type(*DisclosurePage.allowed_parent_page_models())
    if site is not None:
        columns = columns.descendant_of(site.root_page)
    return columns.order_by("path").first()
