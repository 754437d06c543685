"""Template tags of the item pages: 上一篇/下一篇 within the same column."""

from django import template
from django.db.models import Q

from columns.models import ColumnItem, listed_now

register = template.Library()


@register.simple_tag
def item_neighbours(item):
    """The items just above and below ``item`` in its column's listing (newest first): ``(上一篇, 下一篇)``.

    Only live, public, listed items of the same column count; ties on the date are broken by id as the
    listing does.
    """
    if not getattr(item, "column_id", None):
        return None, None
    siblings = (
        ColumnItem.objects.live()
        .public()
        .filter(listed_now(), column_id=item.column_id)
        .exclude(pk=item.pk)
        .only("id", "title", "url_path", "path", "depth", "locale_id", "publish_date")
    )
    date = item.publish_date
    newer = (
        siblings.filter(Q(publish_date__gt=date) | Q(publish_date=date, pk__gt=item.pk))
        .order_by("publish_date", "pk")
        .first()
    )
    older = (
        siblings.filter(Q(publish_date__lt=date) | Q(publish_date=date, pk__lt=item.pk))
        .order_by("-publish_date", "-pk")
        .first()
    )
    return newer, older
