"""The print view of an item: the item alone, laid out for paper, with the facts a printout needs."""

from django.http import Http404
from django.template.response import TemplateResponse

from .models import ColumnItem


def print_item(request, item_id):
    item = ColumnItem.objects.live().public().filter(pk=item_id).first()
    if item is None:
        raise Http404("没有这条信息")
    item = item.specific
    context = item.get_context(request)
    context["print_view"] = True
    return TemplateResponse(request, "columns/print_item.html", context)
