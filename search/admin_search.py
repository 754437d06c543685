"""Admin search across content kinds, with the ranking of the public search and each kind's own permissions.

A *source* is one kind of thing editors look for. search/ provides the page, document
and image sources; other apps (书记信箱, 法律援助) add theirs with Wagtail's hook::

    @hooks.register("register_admin_search_source")
    def letters():
        return LetterSearchSource()

so search/ never imports them. A source decides who sees it (``is_shown``) and which
objects a user may see (``queryset``); only those are searched.

Indexed sources search the Chinese index through the configured backend. ``TextSource``
is for records kept out of the shared index because they hold personal data (letters,
applications): it narrows them in the database with the query's words and their jieba
tokens, then orders them with the same relevance key as the index (``Candidate.key``):
all words, words as typed, words as typed in the title, title segments, then newest.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.urls import reverse

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import page_permission_policy, policy_registry
from wagtail.search.backends import get_search_backend

from .analysis import parse_query
from .backends.base import Candidate
from .text import normalize

HOOK_NAME = "register_admin_search_source"
RESULTS_PER_SOURCE = 10
# A TextSource ranks at most this many of the newest matching records, so a common word stays fast.
MAX_TEXT_CANDIDATES = 2000


@dataclass
class AdminHit:
    title: str
    url: str
    detail: str = ""


class AdminSearchSource:
    name = ""
    label = ""
    order = 100
    icon = "search"

    def is_shown(self, request):
        return True

    def queryset(self, request):
        """The objects this user may see, newest first."""
        raise NotImplementedError

    def search(self, request, parsed):
        """(total, first ``RESULTS_PER_SOURCE`` objects) matching ``parsed``, best first."""
        raise NotImplementedError

    def hit(self, request, obj):
        raise NotImplementedError

    def more_url(self, request, query):
        """A listing of this kind searched for ``query``, or "" when there is none."""
        return ""


class IndexedSource(AdminSearchSource):
    """Objects the search backend indexes (pages, documents, images): searched with the backend's ranking."""

    def search(self, request, parsed):
        results = get_search_backend().search(parsed.text, self.queryset(request))
        return results.count(), list(results[:RESULTS_PER_SOURCE])


class TextSource(AdminSearchSource):
    """Records searched in their own table; ``title_field`` and ``text_fields`` name what is searched."""

    title_field = "title"
    text_fields = ()

    def search(self, request, parsed):
        condition = Q()
        for word in parsed.words:
            for needle in dict.fromkeys([*word.forms, *word.all_tokens]):
                for field_name in (self.title_field, *self.text_fields):
                    condition |= Q(**{f"{field_name}__icontains": needle})
        objects = list(self.queryset(request).filter(condition)[:MAX_TEXT_CANDIDATES])
        ranked = []
        for position, obj in enumerate(objects):
            title = normalize(str(getattr(obj, self.title_field) or ""))
            body = normalize(" ".join(str(getattr(obj, name) or "") for name in self.text_fields))
            candidate = text_candidate(parsed, title, body)
            if candidate.words:
                ranked.append((candidate.key, -position, obj))  # ties keep the queryset's newest-first order
        ranked.sort(key=lambda row: row[:2], reverse=True)
        return len(ranked), [obj for _key, _position, obj in ranked[:RESULTS_PER_SOURCE]]


def text_candidate(parsed, title, body):
    """The relevance key of the Chinese index, computed on plain text: the same order, without an index."""
    words = phrases = title_phrases = title_words = 0
    for word in parsed.words:
        in_title = any(form in title for form in word.forms)
        as_typed = in_title or any(form in body for form in word.forms)
        tokens_in_title = any(all(token in title for token in tokens) for tokens in word.alternatives)
        tokens_anywhere = tokens_in_title or any(
            all(token in title or token in body for token in tokens) for tokens in word.alternatives
        )
        words += as_typed or tokens_anywhere
        phrases += as_typed
        title_phrases += in_title
        title_words += tokens_in_title
    return Candidate("", words, title_words, 0.0, phrases=phrases, title_phrases=title_phrases)


class PageSource(IndexedSource):
    name = "pages"
    label = "页面"
    order = 10
    icon = "doc-full-inverse"

    def queryset(self, request):
        # The registered page policy (review/) hides other units' drafts from correspondents here too.
        policy = policy_registry.get_by_type(Page) or page_permission_policy
        return Page.objects.filter(pk__in=policy.explorable_instances(request.user).values("pk")).specific()

    def hit(self, request, obj):
        detail = "已发布" if obj.live else "草稿"
        return AdminHit(obj.get_admin_display_title(), reverse("wagtailadmin_pages:edit", args=[obj.pk]), detail)

    def more_url(self, request, query):
        return reverse("wagtailadmin_pages:search")


class _CollectionMemberSource(IndexedSource):
    model = None
    url_name = ""
    list_url_name = ""

    def _policy(self):
        return policy_registry.get_by_type(self.model)

    def is_shown(self, request):
        return self._policy().user_has_any_permission(request.user, ["add", "change", "delete"])

    def queryset(self, request):
        return self._policy().instances_user_has_any_permission_for(request.user, ["change", "delete"])

    def hit(self, request, obj):
        return AdminHit(obj.title, reverse(self.url_name, args=[obj.pk]), obj.collection.name)

    def more_url(self, request, query):
        return reverse(self.list_url_name)


class DocumentSource(_CollectionMemberSource):
    name = "documents"
    label = "文档"
    order = 20
    icon = "doc-full"
    url_name = "wagtaildocs:edit"
    list_url_name = "wagtaildocs:index"

    @property
    def model(self):
        return get_document_model()


class ImageSource(_CollectionMemberSource):
    name = "images"
    label = "图片"
    order = 30
    icon = "image"
    url_name = "wagtailimages:edit"
    list_url_name = "wagtailimages:index"

    @property
    def model(self):
        return get_image_model()


BUILT_IN_SOURCES = (PageSource, DocumentSource, ImageSource)


def sources():
    """Every source, built-in then registered, in order; the same name twice raises."""
    found = [source_class() for source_class in BUILT_IN_SOURCES]
    found += [register() for register in hooks.get_hooks(HOOK_NAME)]
    names = [source.name for source in found]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ImproperlyConfigured(f"admin search sources registered twice: {', '.join(duplicates)}")
    return sorted(found, key=lambda source: (source.order, source.name))


@dataclass
class SourceResults:
    source: AdminSearchSource
    total: int
    hits: list
    more_url: str = ""


def admin_search(request, query):
    """Each source the user may see, with its total and first hits for ``query``."""
    parsed = parse_query(query)
    if not parsed:
        return []
    found = []
    for source in sources():
        if not source.is_shown(request):
            continue
        total, objects = source.search(request, parsed)
        more = source.more_url(request, parsed.text)
        if more:
            more = f"{more}?{urlencode({'q': parsed.text})}"
        found.append(SourceResults(source, total, [source.hit(request, obj) for obj in objects], more))
    return found
