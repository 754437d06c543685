"""The admin's 全部内容 search: every kind of content the editor may see, ranked like the public search."""

from django.template.response import TemplateResponse

from wagtail.admin.forms.search import SearchForm

from .admin_search import admin_search


def search_all(request):
    form = SearchForm(request.GET or None, placeholder="输入中文词语，如：法律援助 申请")
    query = form.cleaned_data["q"] if form.is_valid() else ""
    return TemplateResponse(
        request,
        "search/admin/search_all.html",
        {"form": form, "query": query, "results": admin_search(request, query) if query else []},
    )
