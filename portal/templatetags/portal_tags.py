"""Template tags for the public site's frame: navigation, language tags, optional links and share QR codes."""

import segno

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe

from wagtail.models import Site

register = template.Library()

BCP47_LANGUAGE_TAGS = {"zh-hans": "zh-Hans", "en": "en"}


@register.simple_tag
def html_lang():
    """The page language as a BCP 47 tag for ``<html lang>`` (``zh-Hans``, not Django's ``zh-hans``)."""
    code = translation.get_language() or "zh-hans"
    return BCP47_LANGUAGE_TAGS.get(code, code)


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The home page of the current site and language, and its live in-menu children.

    Cached on the request so that header and footer share one query.
    """
    request = context.get("request")
    if request is None:
        return None, []
    cached = getattr(request, "_portal_navigation", None)
    if cached is None:
        site = Site.find_for_request(request)
        if site is None:
            cached = (None, [])
        else:
            home = site.root_page.localized
            cached = (
                home,
                list(
                    home.get_children()
                    .live()
                    .public()
                    .in_menu()
                    .only("id", "title", "url_path", "path", "depth", "locale_id")
                ),
            )
        request._portal_navigation = cached
    return cached


@register.simple_tag
def optional_url(name):
    """The URL named ``name``, or an empty string while the feature behind it is not installed."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@register.simple_tag(takes_context=True)
def share_qr(context, page):
    """An inline SVG QR code of ``page``'s address, made on the server (segno) for 分享到手机.

    No image request and no outside service; the same markup for every visitor, so the page stays cacheable.
    """
    url = page.get_full_url(context.get("request"))
    if not url:
        return ""
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#000", light="#fff", svgclass="share-qr__code")
    label = escape(f"本页二维码：{url}")
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))
