"""The print view of an item: the item's own page, laid out for paper (no navigation, no footer).

Every item type prints with its own template, so its own fields (catalogue data, leaders, transcripts,
honours, …) are on paper too; ``base.html`` swaps the site chrome for a print header when
``print_view`` is set.
"""

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
    return TemplateResponse(request, item.get_template(request), context)
