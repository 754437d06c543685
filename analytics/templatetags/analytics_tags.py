"""``{% page_view_count %}``: the 浏览次数 of an article, without a query, so cached pages stay cheap.

The tag renders a placeholder; the beacon's answer (``analytics/js/beacon.js``)
fills in the current count, so a page served from a cache shows it too.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def page_view_count():
    return format_html('<span class="view-count" data-view-count aria-live="off">{}</span>', "—")
