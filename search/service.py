"""The one search interface the public page and the JSON API use, whatever backend is configured.

``search(query, column=None, date_from=None, date_to=None, sort="relevance", page=1)``
returns a ``ResultPage``. The backend comes from ``WAGTAILSEARCH_BACKENDS``; only
its Wagtail ``search()`` API is used here, so views never know which it is.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import datetime, time

from modelsearch.utils import get_descendant_models

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import DateTimeField, F
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.safestring import mark_safe

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from columns.models import ColumnPage
from columns.registry import get_searchable_types

from .analysis import MAX_QUERY_LENGTH, clean_query, parse_query
from .backends.base import SearchUnavailable, document_text
from .facets import facets
from .suggest import suggestion

RESULTS_PER_PAGE = 10
SNIPPET_LENGTH = 120
SORTS = ("relevance", "date")


@dataclass
class Hit:
    title: str
    url: str
    snippet: str
    column: str
    published: datetime | None
    page: Page = field(repr=False, default=None)

    def as_json(self):
        published = self.published
        if isinstance(published, datetime):
            published = (timezone.localtime(published) if timezone.is_aware(published) else published).date()
        return {
            "title": self.title,
            "url": self.url,
            "snippet": str(self.snippet),
            "column": self.column,
            "published": published.isoformat() if published else None,
        }


@dataclass
class ResultPage:
    query: str
    total: int
    hits: list
    page_obj: object = None
    searched: bool = False
    unavailable: bool = False
    facets: dict = field(default_factory=lambda: {"columns": [], "years": []})
    suggestion: str | None = None  # a dictionary word one character away, when nothing was found

    @property
    def number(self):
        return self.page_obj.number if self.page_obj else 1

    @property
    def num_pages(self):
        return self.page_obj.paginator.num_pages if self.page_obj else 0


def _searchable_models():
    """The page types the public search covers, as the apps registered them (``columns.registry``)."""
    return get_searchable_types()


def base_queryset():
    """Live public pages of the searchable types, each annotated with ``published``, newest first."""
    content_types, dates = [], []
    for model, date_field in _searchable_models():
        content_types += [ct.pk for ct in ContentType.objects.get_for_models(*_with_subclasses(model)).values()]
        if date_field:
            dates.append(Cast(F(f"{model._meta.model_name}__{date_field}"), DateTimeField()))
    queryset = Page.objects.live().public().filter(content_type_id__in=content_types)
    return queryset.annotate(published=Coalesce(*dates, "first_published_at")).order_by("-published", "-pk")


def _with_subclasses(model):
    return get_descendant_models(model)


def _as_datetime(value, end=False):
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time.max if end else time.min))


def search(
    query, column=None, date_from=None, date_to=None, sort="relevance", page=1, per_page=RESULTS_PER_PAGE, request=None
):
    query = clean_query(query)[:MAX_QUERY_LENGTH]
    parsed = parse_query(query)
    if not parsed:
        return ResultPage(query=query, total=0, hits=[], searched=bool(query))
    queryset = base_queryset()
    if column is not None:
        queryset = queryset.descendant_of(column)
    if date_from:
        queryset = queryset.filter(published__gte=_as_datetime(date_from))
    if date_to:
        queryset = queryset.filter(published__lte=_as_datetime(date_to, end=True))
    backend = get_search_backend()
    results = backend.search(parsed.text, queryset.specific(), order_by_relevance=sort != "date")
    try:
        page_obj = Paginator(results, per_page).get_page(page)
        hits = _hits(list(page_obj.object_list), parsed, request, results)
        found_facets = facets(queryset, results.pks())
        suggested = None
        if not page_obj.paginator.count and len(parsed.words) == 1:
            suggested = suggestion(parsed.words[0].text, lambda word: backend.search(word, queryset).count() > 0)
    except SearchUnavailable:
        return ResultPage(query=query, total=0, hits=[], searched=True, unavailable=True)
    return ResultPage(
        query=query,
        total=page_obj.paginator.count,
        hits=hits,
        page_obj=page_obj,
        searched=True,
        facets=found_facets,
        suggestion=suggested,
    )


def _hits(pages, parsed, request, results):
    step = Page.steplen
    ancestor_paths = {page.path[:end] for page in pages for end in range(step, len(page.path), step)}
    columns = {
        column.path: column for column in ColumnPage.objects.filter(path__in=ancestor_paths).only("title", "path")
    }
    terms = parsed.highlight_terms
    hits = []
    for page in pages:
        column = next(
            (columns[page.path[:end]] for end in range(len(page.path) - step, 0, -step) if page.path[:end] in columns),
            None,
        )
        candidate = results.candidate(page.pk)
        if candidate is not None and candidate.highlight:
            text = mark_safe(candidate.highlight)  # the engine escaped the text (encoder "html")
        else:
            text = snippet(document_text(page)[1], terms)
        hits.append(
            Hit(
                title=page.title,
                url=page.get_url(request=request) or "",
                snippet=text,
                column=column.title if column else "",
                published=getattr(page, "published", None) or _published_of(page),
                page=page,
            )
        )
    return hits


def _published_of(page):
    for model, date_field in _searchable_models():
        if isinstance(page, model) and date_field:
            return getattr(page, date_field)
    return page.first_published_at


def snippet(text, terms, length=SNIPPET_LENGTH):
    """A window of ``text`` around the first term found, HTML-escaped, every term wrapped in <mark>."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    lowered = text.lower()
    start = 0
    for term in terms:
        position = lowered.find(term.lower())
        if position >= 0:
            start = max(0, position - length // 4)
            break
    window = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    terms = sorted({term for term in terms if term}, key=len, reverse=True)
    if not terms:
        return mark_safe(prefix + html.escape(window) + suffix)
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    pieces, last = [], 0
    for match in pattern.finditer(window):
        pieces.append(html.escape(window[last : match.start()]))
        pieces.append("<mark>" + html.escape(match.group(0)) + "</mark>")
        last = match.end()
    pieces.append(html.escape(window[last:]))
    return mark_safe(prefix + "".join(pieces) + suffix)
