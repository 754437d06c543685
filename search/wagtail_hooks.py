"""Editors maintain the search dictionary (terms and synonyms) under 设置 → 搜索词典, and search everything they
may see under 全部内容 (``search.admin_search``)."""

from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.search import SearchArea
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import SearchTerm, Synonym


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    menu_label = "词语"
    list_display = ["word", "frequency", "note"]
    search_fields = ["word", "note"]


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = "同义词"
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]


class SearchDictionaryGroup(SnippetViewSetGroup):
    """Why: segmentation of political-legal terms must be editable without a deploy."""

    items = (SearchTermViewSet, SynonymViewSet)
    menu_icon = "search"
    menu_label = "搜索词典"
    menu_name = "search-dictionary"
    add_to_settings_menu = True


register_snippet(SearchDictionaryGroup)


@hooks.register("register_admin_urls")
def register_admin_search_urls():
    return [path("search-all/", include(([path("", admin_views.search_all, name="all")], "search_admin")))]


@hooks.register("register_admin_search_area")
def register_search_all_area():
    """Why: editors look for a letter, an application or a page by the same Chinese words in one place."""
    return SearchArea("全部内容", reverse("search_admin:all"), name="search-all", icon_name="search", order=50)
