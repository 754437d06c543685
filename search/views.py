"""The public search page and the JSON search API; both go through ``search.service``."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import service
from .forms import SearchForm


def _run(request):
    form = SearchForm(request.GET)
    params = form.params()
    result = service.search(page=request.GET.get("page") or 1, request=request, **params)
    return form, params, result


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
        },
    )


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
        },
        json_dumps_params={"ensure_ascii": False},
    )
