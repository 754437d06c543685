"""What the database and Elasticsearch backends share.

Each backend finds matching objects and a relevance key for each; everything
else — intersecting with the caller's queryset (so any ORM filter works),
ordering, slicing, counting — is done here, the same way for both.

Relevance key, compared as a tuple: how many query words the object contains
(so items with all the words come first); how many of them it contains as typed
(phrase first: 食品安全 written together beats 食品 in one article and 安全 in
another); how many it contains as typed in its title, and how many of their
segments are in its title (a title match beats a body-only match); then the
engine's score rounded so that near-equal scores tie; ties keep the queryset's
own order (newest first in the public search).
"""

from collections import Counter
from dataclasses import dataclass, field

from modelsearch.backends.base import BaseIndex, BaseSearchBackend, BaseSearchQueryCompiler, BaseSearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import MatchAll, PlainText

from django.utils.encoding import force_str

from ..analysis import parse_query


class SearchUnavailable(Exception):
    """The search engine could not answer (e.g. Elasticsearch is down); pages say so instead of failing."""


# Above this many candidates the queryset is scanned instead of filtered with a long IN list.
MAX_IN_LIST = 5000


@dataclass(frozen=True)
class Candidate:
    object_id: str
    words: int
    title_words: int
    score: float
    phrases: int = 0  # query words contained as typed (or as one of their synonyms)
    title_phrases: int = 0  # the same, in the title
    highlight: str = field(default="", compare=False)  # a ready <mark>ed fragment, when the engine makes one

    @property
    def key(self):
        return (self.words, self.phrases, self.title_phrases, self.title_words, round(self.score, 3))


def _prepare_value(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_prepare_value(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_prepare_value(item) for item in value.values())
    if hasattr(value, "all") and callable(value.all):  # related manager, tags
        return " ".join(force_str(item) for item in value.all())
    return force_str(value)


def _field_values(obj, search_field):
    if isinstance(search_field, (SearchField, AutocompleteField)):
        yield search_field, _prepare_value(search_field.get_value(obj))
    elif isinstance(search_field, RelatedFields):
        related = search_field.get_value(obj)
        if related is None:
            return
        if hasattr(related, "all") and callable(related.all):
            related_objects = related.all()
        else:
            related_objects = [related() if callable(related) else related]
        for related_object in related_objects:
            for sub_field in search_field.fields:
                yield from _field_values(related_object, sub_field)


def document_text(obj):
    """(title, body) of an object as its ``search_fields`` describe it; title fields go to title."""
    titles, bodies = [], []
    for search_field in obj.get_search_fields():
        for indexed_field, value in _field_values(obj, search_field):
            if not value:
                continue
            is_title = indexed_field.field_name == "title" and not isinstance(search_field, RelatedFields)
            target = titles if is_title else bodies
            if value not in target:
                target.append(value)
    return " ".join(titles), "\n".join(bodies)


class ChineseQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "or"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    prefix = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        query = self.query
        if isinstance(query, PlainText):
            self.parsed = parse_query(query.query_string)
        elif isinstance(query, MatchAll):
            self.parsed = None
        else:
            # Phrase, And, Or…: the admin never builds these; search their text as plain words.
            self.parsed = parse_query(" ".join(str(getattr(query, "query_string", "")).split()))
        self.title_only = self.fields is not None and set(self.fields) <= {"title"}
        self._ranked = None

    def check(self):
        # Filters are applied by the ORM on the caller's queryset, so any filter works.
        pass


class ChineseAutocompleteQueryCompiler(ChineseQueryCompiler):
    prefix = True


class ChineseSearchResults(BaseSearchResults):
    supports_facet = True

    def _ranked(self):
        """[(pk, candidate)] in result order, computed once and shared by every slice of these results."""
        compiler = self.query_compiler
        if compiler._ranked is not None:
            return compiler._ranked
        queryset = compiler.queryset
        if compiler.parsed is None:
            ranked = [(pk, None) for pk in _ordered(queryset).values_list("pk", flat=True)]
        elif not compiler.parsed:
            ranked = []
        else:
            pk_field = queryset.model._meta.pk
            candidates = {}
            for candidate in self.backend.candidates(
                compiler.parsed, queryset.model, title_only=compiler.title_only, prefix=compiler.prefix
            ):
                candidates[pk_field.to_python(candidate.object_id)] = candidate
            if len(candidates) <= MAX_IN_LIST:
                pks = _ordered(queryset.filter(pk__in=list(candidates))).values_list("pk", flat=True)
            else:
                pks = (pk for pk in _ordered(queryset).values_list("pk", flat=True).iterator() if pk in candidates)
            ranked = [(pk, candidates[pk]) for pk in pks]
            if compiler.order_by_relevance:
                ranked.sort(key=lambda pair: pair[1].key, reverse=True)
        compiler._ranked = ranked
        return ranked

    def _do_search(self):
        page = self._ranked()[self.start : self.stop]
        if not page:
            return []
        objects = self.query_compiler.queryset.in_bulk([pk for pk, _ in page])
        results = []
        for pk, candidate in page:
            obj = objects.get(pk)
            if obj is None:
                continue
            if self._score_field:
                setattr(obj, self._score_field, candidate.score if candidate else 0.0)
            results.append(obj)
        return results

    def _do_count(self):
        return len(self._ranked())

    def pks(self):
        return [pk for pk, _ in self._ranked()]

    def candidate(self, pk):
        """What the engine said about one result (relevance key, highlight), or None."""
        if not hasattr(self.query_compiler, "_by_pk"):
            self.query_compiler._by_pk = dict(self._ranked())
        return self.query_compiler._by_pk.get(pk)

    def facet(self, field_name):
        queryset = self.query_compiler.queryset.model._default_manager.filter(pk__in=self.pks())
        counts = Counter(queryset.values_list(field_name, flat=True))
        return dict(counts.most_common())


def _ordered(queryset):
    return queryset if queryset.query.order_by or queryset.ordered else queryset.order_by("-pk")


class ChineseIndex(BaseIndex):
    """Hands objects to the backend's writer; one index for every model."""

    def add_items(self, model, items):
        if model.get_search_fields():
            self.backend.write(model, items)

    def delete_item(self, item):
        self.backend.remove(item)

    def reset(self):
        self.backend.clear()

    def refresh(self):
        self.backend.refresh()


class ChineseSearchBackendBase(BaseSearchBackend):
    query_compiler_class = ChineseQueryCompiler
    autocomplete_query_compiler_class = ChineseAutocompleteQueryCompiler
    results_class = ChineseSearchResults
    index_class = ChineseIndex

    def candidates(self, parsed, model, *, title_only=False, prefix=False):
        """Every matching object of ``model`` (or its subclasses) as ``Candidate``s."""
        raise NotImplementedError

    def write(self, model, objects):
        raise NotImplementedError

    def remove(self, obj):
        raise NotImplementedError

    def clear(self):
        raise NotImplementedError

    def refresh(self):
        pass
