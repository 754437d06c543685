"""Editors maintain the search dictionary (terms and synonyms) under 设置 → 搜索词典."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
