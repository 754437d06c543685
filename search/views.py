"""The public search page.

This first version searches live column items through Wagtail's configured
search backend; Chinese segmentation arrives with the search issue, behind the
same URL.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from columns.models import ColumnItem

MAX_QUERY_LENGTH = 100
RESULTS_PER_PAGE = 10


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    results_page = None
    if query:
        results = ColumnItem.objects.live().public().search(query)
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results_page": results_page, "query_suffix": "&" + urlencode({"q": query})},
    )
