"""Elasticsearch 8 backend for large sites, built with elasticsearch-dsl and needing no plugin.

Every indexed object is one document in one index (``<prefix>_search``, an
alias to a timestamped index so that a rebuild swaps in a complete index):

- ``title`` / ``body``: jieba's search-mode tokens joined by spaces, analysed by
  the built-in ``whitespace`` tokenizer (plus ``lowercase``): the same words the
  database backend indexes, so both backends rank alike.
- ``title_text`` / ``body_text``: the raw text, analysed by the built-in ``cjk``
  analyzer (bigrams), used for highlighting and as a low-weight fallback.
- ``content_type``, ``object_id``, ``column``, ``published`` for filtering and
  for the aggregations by column and year.

Queries name one clause per query word (``w0``…) and per title match
(``t0``…); ``matched_queries`` in the response gives the relevance key that
``search.backends.base`` sorts by, as in the database backend.
"""

import contextlib
import logging
from datetime import datetime, time

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import bulk
from elasticsearch_dsl import A, Date, Document, Index, Integer, Keyword, Q, Search, Text, analyzer
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from django.utils import timezone
from django.utils.encoding import force_str

from wagtail.models import Page

from columns.models import ColumnPage

from ..analysis import index_tokens
from .base import Candidate, ChineseSearchBackendBase, SearchUnavailable, document_text

logger = logging.getLogger(__name__)

TITLE_BOOST = 10
MAX_CANDIDATES = 10_000
HIGHLIGHT = {
    "encoder": "html",
    "pre_tags": ["<mark>"],
    "post_tags": ["</mark>"],
    "fragment_size": 120,
    "number_of_fragments": 1,
}

segmented = analyzer("segmented", tokenizer="whitespace", filter=["lowercase"])


class SearchDocument(Document):
    content_type = Integer()
    object_id = Keyword()
    title = Text(analyzer=segmented)
    body = Text(analyzer=segmented)
    title_text = Text(analyzer="cjk", index_options="offsets")
    body_text = Text(analyzer="cjk", index_options="offsets")
    column = Keyword()
    published = Date()


def build_index(name, shards=1, replicas=0):
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.document(SearchDocument)
    return index


def document_facets(obj):
    """The column title and the date an object is listed under, for aggregations."""
    column, published = "", None
    if isinstance(obj, Page):
        step = Page.steplen
        paths = [obj.path[:end] for end in range(step, len(obj.path), step)]
        found = ColumnPage.objects.filter(path__in=paths).order_by("-depth").values_list("title", flat=True).first()
        column = found or ""
    for name in ("publish_date", "published_date", "first_published_at"):
        value = getattr(obj, name, None)
        if value:
            published = value if isinstance(value, datetime) else timezone.make_aware(datetime.combine(value, time.min))
            break
    return column, published


def document_for(obj, content_type_id):
    title, body = document_text(obj)
    column, published = document_facets(obj)
    object_id = force_str(obj.pk)
    return {
        "_id": f"{content_type_id}:{object_id}",
        "content_type": content_type_id,
        "object_id": object_id,
        "title": index_tokens(title),
        "body": index_tokens(body),
        "title_text": title,
        "body_text": body,
        "column": column,
        "published": published.isoformat() if published else None,
    }


def _word_query(word, fields, name):
    alternatives = [
        Q("multi_match", query=" ".join(tokens), fields=fields, type="cross_fields", operator="and")
        for tokens in word.alternatives
    ]
    return Q("bool", should=alternatives, minimum_should_match=1, _name=name)


def build_search(index, parsed, content_type_ids, *, title_only=False, prefix=False, size=MAX_CANDIDATES):
    """The Search (query, highlight, aggregations) for a parsed query; ``.to_dict()`` is the request body."""
    fields = [f"title^{TITLE_BOOST}"] if title_only else [f"title^{TITLE_BOOST}", "body"]
    should = []
    for position, word in enumerate(parsed.words):
        should.append(_word_query(word, fields, f"w{position}"))
        should.append(_word_query(word, ["title"], f"t{position}"))
    # Phrase first: the word as typed (or a synonym), contiguous in the bigram-analysed text. Named so that the
    # hit says which words it contains as typed (p…) and which of those in its title (q…); the boosts are small
    # because the ranking compares those counts, not the score.
    for position, word in enumerate(parsed.words):
        for form in word.forms:
            should.append(Q("match_phrase", title_text={"query": form, "boost": 0.1, "_name": f"q{position}"}))
            if not title_only:
                should.append(Q("match_phrase", body_text={"query": form, "boost": 0.05, "_name": f"p{position}"}))
    if prefix and parsed.words:
        should.append(Q("match_phrase_prefix", title_text={"query": parsed.words[-1].text, "boost": 0.1}))
    search = (
        Search(index=index)
        .query(
            Q(
                "bool",
                filter=[Q("terms", content_type=list(content_type_ids))],
                should=should,
                minimum_should_match=1,
            )
        )
        .source(["object_id"])
        .extra(size=size, track_total_hits=True)
    )
    highlight_terms = [
        Q("match_phrase", title_text=term) | Q("match_phrase", body_text=term) for term in parsed.highlight_terms
    ]
    search = search.highlight_options(**HIGHLIGHT, highlight_query=Q("bool", should=highlight_terms).to_dict())
    search = search.highlight("title_text", "body_text")
    search.aggs.bucket("columns", A("terms", field="column", size=50))
    search.aggs.bucket(
        "years", A("date_histogram", field="published", calendar_interval="year", format="yyyy", min_doc_count=1)
    )
    return search


class CandidateList(list):
    """Candidates plus what Elasticsearch says about them as a whole."""

    aggregations = None


class ElasticsearchChineseBackend(ChineseSearchBackendBase):
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        self.alias = params.get("INDEX", "portal_search")
        self.client_options = {
            "hosts": params.get("URLS", ["http://localhost:9200"]),
            "request_timeout": params.get("TIMEOUT", 10),
        }
        self.client_options.update(params.get("OPTIONS", {}))
        self._client = None
        self.rebuilder_class = AliasSwapRebuilder

    @property
    def client(self):
        if self._client is None:
            self._client = Elasticsearch(**self.client_options)
        return self._client

    def candidates(self, parsed, model, *, title_only=False, prefix=False):
        content_type_ids = get_descendants_content_types_pks(model)
        search = build_search(self.alias, parsed, content_type_ids, title_only=title_only, prefix=prefix).using(
            self.client
        )
        try:
            response = search.execute()
        except (ApiError, TransportError) as error:
            logger.exception("Elasticsearch search failed")
            raise SearchUnavailable(str(error)) from error
        result = CandidateList()
        for hit in response:
            matched = set(getattr(hit.meta, "matched_queries", []) or [])
            words = sum(1 for name in matched if name.startswith("w"))
            title_words = sum(1 for name in matched if name.startswith("t"))
            title_phrases = {name[1:] for name in matched if name.startswith("q")}
            phrases = title_phrases | {name[1:] for name in matched if name.startswith("p")}
            highlight = getattr(hit.meta, "highlight", None)
            fragments = []
            if highlight:
                fragments = list(getattr(highlight, "body_text", [])) or list(getattr(highlight, "title_text", []))
            result.append(
                Candidate(
                    hit.object_id,
                    words,
                    title_words,
                    float(hit.meta.score or 0),
                    phrases=len(phrases),
                    title_phrases=len(title_phrases),
                    highlight=fragments[0] if fragments else "",
                )
            )
        result.aggregations = response.aggregations.to_dict() if hasattr(response, "aggregations") else None
        return result

    # Indexing

    def ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = new_index_name(self.alias)
            build_index(name).create(using=self.client)
            self.client.indices.put_alias(index=name, name=self.alias)

    def write(self, model, objects, index=None):
        if index is None:
            self.ensure_index()
        content_type_id = get_content_type_pk(model)
        actions = []
        for obj in objects:
            document = document_for(obj, content_type_id)
            document_id = document.pop("_id")
            actions.append({"_index": index or self.alias, "_id": document_id, "_source": document})
        bulk(self.client, actions)

    def remove(self, obj):
        document_id = f"{get_content_type_pk(obj._meta.model)}:{force_str(obj.pk)}"
        with contextlib.suppress(NotFoundError):
            self.client.delete(index=self.alias, id=document_id)

    def clear(self):
        self.client.delete_by_query(index=self.alias, query={"match_all": {}}, conflicts="proceed")

    def refresh(self):
        self.client.indices.refresh(index=self.alias)


def new_index_name(alias):
    return f"{alias}_{timezone.now().strftime('%Y%m%d%H%M%S%f')}"


class _TargetIndex:
    """The index a rebuild fills: writes go to the new physical index, not the alias."""

    def __init__(self, backend, name):
        self.backend = backend
        self.name = name

    def add_model(self, model):
        pass

    def add_items(self, model, items):
        if model.get_search_fields():
            self.backend.write(model, items, index=self.name)

    def __str__(self):
        return self.name


class AliasSwapRebuilder:
    """Build a complete new index, then point the alias at it in one atomic call and drop the old ones."""

    def __init__(self, index):
        self.backend = index.backend
        self.name = new_index_name(self.backend.alias)

    def start(self):
        build_index(self.name).create(using=self.backend.client)
        return _TargetIndex(self.backend, self.name)

    def finish(self):
        client, alias = self.backend.client, self.backend.alias
        client.indices.refresh(index=self.name)
        old = list(client.indices.get_alias(name=alias).body) if client.indices.exists_alias(name=alias) else []
        if client.indices.exists(index=alias) and not old:
            client.indices.delete(index=alias)  # a plain index squatting the alias name
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": self.name, "alias": alias}})
        client.indices.update_aliases(actions=actions)
        for name in old:
            client.indices.delete(index=name)


SearchBackend = ElasticsearchChineseBackend
