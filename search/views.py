"""The public search page and the JSON search API; both go through ``search.service``."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import service
from .forms import SearchForm


def _run(request):
    form = SearchForm(request.GET)
    params = form.params()
    result = service.search(page=request.GET.get("page") or 1, request=request, **params)
    return form, params, result


def _link(query_args, **changes):
    """The search URL's query string with some parameters replaced (None removes one); always page 1."""
    args = {**query_args, **changes}
    return "?" + urlencode({key: value for key, value in args.items() if value not in (None, "")})


def facet_links(result, query_args):
    """Each facet with the link that narrows the search to it, and whether it is the current filter."""
    columns = [
        {
            "facet": facet,
            "url": _link(query_args, column=facet.value),
            "current": query_args.get("column") == str(facet.value),
        }
        for facet in result.facets["columns"]
    ]
    years = []
    for facet in result.facets["years"]:
        start, end = f"{facet.value}-01-01", f"{facet.value}-12-31"
        current = query_args.get("date_from") == start and query_args.get("date_to") == end
        years.append({"facet": facet, "url": _link(query_args, date_from=start, date_to=end), "current": current})
    return {"columns": columns, "years": years}


@never_cache  # results are never kept by nginx or browsers: every query is its own (README "Front cache")
@require_GET
def search(request):
    form, params, result = _run(request)
    query_args = {key: value for key, value in request.GET.items() if key != "page" and value}
    query_args["q"] = result.query
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "search_query": result.query,
            "result": result,
            "results_page": result.page_obj,
            "params": params,
            "query_suffix": "&" + urlencode(query_args),
            "facet_links": facet_links(result, query_args),
            "suggestion_url": _link(query_args, q=result.suggestion) if result.suggestion else "",
        },
    )


@never_cache
@require_GET
def search_api(request):
    _form, _params, result = _run(request)
    return JsonResponse(
        {
            "query": result.query,
            "total": result.total,
            "unavailable": result.unavailable,
            "page": result.number,
            "num_pages": result.num_pages,
            "results": [hit.as_json() for hit in result.hits],
            "facets": {
                name: [{"value": facet.value, "label": facet.label, "count": facet.count} for facet in facets]
                for name, facets in result.facets.items()
            },
            "suggestion": result.suggestion,
        },
        json_dumps_params={"ensure_ascii": False},
    )
