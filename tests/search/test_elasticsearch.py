"""The Elasticsearch backend: generated mappings and query bodies (no server needed), and an
integration suite that runs only when ELASTICSEARCH_URL points at an Elasticsearch 8 server."""

import io
import os
import subprocess
import sys
import uuid

import pytest
from elasticsearch_dsl import Search
from elasticsearch_dsl.response import Response

from django.core.management import call_command

from search import service
from search.analysis import parse_query
from search.backends.elasticsearch import ElasticsearchChineseBackend, build_index, build_search

ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
needs_server = pytest.mark.skipif(not ES_URL, reason="set ELASTICSEARCH_URL to run the Elasticsearch integration tests")


def test_mapping_uses_only_built_in_analyzers():
    body = build_index("portal_search_1").to_dict()

    assert body["settings"]["analysis"] == {
        "analyzer": {"segmented": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}}
    }
    properties = body["mappings"]["properties"]
    assert properties["title"] == {"type": "text", "analyzer": "segmented"}
    assert properties["body"] == {"type": "text", "analyzer": "segmented"}
    assert properties["title_text"] == {"type": "text", "analyzer": "cjk", "index_options": "offsets"}
    assert properties["body_text"] == {"type": "text", "analyzer": "cjk", "index_options": "offsets"}
    assert properties["content_type"] == {"type": "integer"}
    assert properties["object_id"] == {"type": "keyword"}
    assert properties["column"] == {"type": "keyword"}
    assert properties["published"] == {"type": "date"}


@pytest.mark.django_db
def test_query_body_names_each_word_and_title_match():
    body = build_search("portal_search", parse_query("法治 诈骗"), [7, 8]).to_dict()

    query = body["query"]["bool"]
    assert query["filter"] == [{"terms": {"content_type": [7, 8]}}]
    assert query["minimum_should_match"] == 1
    named = {clause["bool"]["_name"]: clause["bool"]["should"] for clause in query["should"] if "bool" in clause}
    assert named["w0"] == [
        {"multi_match": {"query": "法治", "fields": ["title^10", "body"], "type": "cross_fields", "operator": "and"}}
    ]
    assert named["t1"] == [
        {"multi_match": {"query": "诈骗", "fields": ["title"], "type": "cross_fields", "operator": "and"}}
    ]
    assert {"match_phrase": {"body_text": {"query": "诈骗", "boost": 0.05, "_name": "p1"}}} in query["should"]
    assert body["size"] == 10_000
    assert body["_source"] == ["object_id"]


@pytest.mark.django_db
def test_query_body_expands_synonyms():
    body = build_search("portal_search", parse_query("政法委"), [1]).to_dict()

    w0 = next(
        clause["bool"] for clause in body["query"]["bool"]["should"] if clause.get("bool", {}).get("_name") == "w0"
    )
    assert [alternative["multi_match"]["query"] for alternative in w0["should"]] == ["政法委", "政法委员会"]


@pytest.mark.django_db
def test_query_body_highlights_and_aggregates_by_column_and_year():
    body = build_search("portal_search", parse_query("平安建设"), [1]).to_dict()

    assert body["highlight"]["fields"] == {"title_text": {}, "body_text": {}}
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert body["aggs"] == {
        "columns": {"terms": {"field": "column", "size": 50}},
        "years": {
            "date_histogram": {"field": "published", "calendar_interval": "year", "format": "yyyy", "min_doc_count": 1}
        },
    }


@pytest.mark.django_db
def test_title_only_search_leaves_out_body():
    body = build_search("portal_search", parse_query("法治"), [1], title_only=True).to_dict()

    fields = [
        clause["bool"]["should"][0]["multi_match"]["fields"]
        for clause in body["query"]["bool"]["should"]
        if "bool" in clause
    ]
    assert all("body" not in field_list for field_list in fields)


@pytest.fixture
def es_backend(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": ["http://es.invalid:9200"],
            "INDEX": "test_search",
            "AUTO_UPDATE": False,
        }
    }


@pytest.mark.django_db
def test_service_ranks_and_highlights_from_an_elasticsearch_response(es_backend, news_column, monkeypatch):
    from columns.plugins.news.models import NewsPage
    from tests.columns.helpers import add_items

    older, newer, both = add_items(news_column, NewsPage, 3, prefix="条目")
    sent = {}

    def fake_execute(search, ignore_cache=False):
        sent["body"] = search.to_dict()
        hits = [
            {"_id": "x1", "_score": 9.0, "_source": {"object_id": str(older.pk)}, "matched_queries": ["w0", "t0"]},
            {"_id": "x2", "_score": 20.0, "_source": {"object_id": str(newer.pk)}, "matched_queries": ["w0"]},
            {
                "_id": "x3",
                "_score": 1.0,
                "_source": {"object_id": str(both.pk)},
                "matched_queries": ["w0", "w1"],
                "highlight": {"body_text": ["依靠<mark>法治</mark>打击<mark>诈骗</mark>"]},
            },
        ]
        return Response(search, {"hits": {"total": {"value": 3, "relation": "eq"}, "hits": hits}, "aggregations": {}})

    monkeypatch.setattr(Search, "execute", fake_execute)

    result = service.search("法治 诈骗")

    assert sent["body"]["query"]["bool"]["should"]
    assert [hit.page.pk for hit in result.hits] == [both.pk, older.pk, newer.pk]
    assert result.hits[0].snippet == "依靠<mark>法治</mark>打击<mark>诈骗</mark>"


def test_settings_choose_elasticsearch_when_url_is_set():
    code = "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'])"
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    environment.pop("ELASTICSEARCH_URL", None)
    default = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    environment.update(ELASTICSEARCH_URL="http://127.0.0.1:9200", ELASTICSEARCH_INDEX_PREFIX="staging")
    configured = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )

    assert default.stdout.strip() == "search.backends.database"
    assert configured.stdout.strip() == "search.backends.elasticsearch"


# Integration: a real Elasticsearch 8 server


@pytest.fixture
def live_es(settings):
    index = f"test_portal_{uuid.uuid4().hex[:8]}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [ES_URL], "INDEX": index}
    }
    backend = ElasticsearchChineseBackend({"URLS": [ES_URL], "INDEX": index})
    yield backend
    backend.client.indices.delete(index=f"{index}_*", ignore_unavailable=True, allow_no_indices=True)


@needs_server
@pytest.mark.django_db
def test_live_rebuild_swaps_alias_and_finds_chinese_words(live_es, news_column):
    from wagtail.rich_text import RichText

    from columns.plugins.news.models import NewsPage

    for slug, title, body in [("a", "警惕电信网络诈骗", "防范诈骗。"), ("b", "治安巡逻", "民警加强夜间治安巡逻。")]:
        news_column.add_child(
            instance=NewsPage(title=title, slug=slug, body=[("paragraph", RichText(f"<p>{body}</p>"))])
        )
    call_command("rebuild_chinese_index", stdout=io.StringIO())
    first = set(live_es.client.indices.get_alias(name=live_es.alias).body)

    call_command("rebuild_chinese_index", stdout=io.StringIO())
    second = set(live_es.client.indices.get_alias(name=live_es.alias).body)

    assert first != second and len(second) == 1
    assert [hit.title for hit in service.search("诈骗").hits] == ["警惕电信网络诈骗"]
    assert [hit.title for hit in service.search("法治").hits] == []
    assert "<mark>诈骗</mark>" in service.search("诈骗").hits[0].snippet


class RecordingIndices:
    """Just enough of ``client.indices`` to follow a rebuild: which indexes exist, what the alias points at."""

    def __init__(self, log):
        self.log = log
        self.indexes = {"test_search_old": {}}
        self.aliases = {"test_search": ["test_search_old"]}

    def create(self, index, **kwargs):
        self.log.append(("create", index))
        self.indexes[index] = kwargs

    def exists_alias(self, name):
        return bool(self.aliases.get(name))

    def exists(self, index):
        return index in self.indexes or bool(self.aliases.get(index))

    def get_alias(self, name):
        return type("Response", (), {"body": {index: {} for index in self.aliases.get(name, [])}})()

    def refresh(self, index):
        self.log.append(("refresh", index))

    def update_aliases(self, actions):
        self.log.append(("update_aliases", actions))
        for action in actions:
            if "add" in action:
                self.aliases[action["add"]["alias"]] = [action["add"]["index"]]

    def delete(self, index):
        self.log.append(("delete", index))
        self.indexes.pop(index, None)


@pytest.mark.django_db
def test_rebuild_command_fills_a_new_index_then_swaps_the_alias(es_backend, news_column, monkeypatch):
    from columns.plugins.news.models import NewsPage
    from tests.columns.helpers import add_items

    add_items(news_column, NewsPage, 3, prefix="平安建设")
    log, bulked = [], []
    indices = RecordingIndices(log)
    client = type("Client", (), {"indices": indices})()
    monkeypatch.setattr(ElasticsearchChineseBackend, "client", property(lambda self: client))
    monkeypatch.setattr("search.backends.elasticsearch.bulk", lambda client, actions: bulked.extend(actions))

    out = io.StringIO()
    call_command("rebuild_chinese_index", stdout=out)

    created = log[0][1]
    assert log[0] == ("create", created) and created.startswith("test_search_")
    assert {action["_index"] for action in bulked} == {created}
    news = [action["_source"] for action in bulked if action["_source"]["column"] == "政法要闻"]
    assert len(news) == 3
    assert {"平安建设", "平安", "建设"} <= set(news[0]["title"].split())  # jieba tokens, space-joined
    assert news[0]["title_text"].startswith("平安建设")
    swap = next(entry for entry in log if entry[0] == "update_aliases")[1]
    assert swap == [
        {"remove": {"index": "test_search_old", "alias": "test_search"}},
        {"add": {"index": created, "alias": "test_search"}},
    ]
    assert log[-1] == ("delete", "test_search_old")
    assert indices.aliases["test_search"] == [created]
    assert "100%" in out.getvalue()


@pytest.mark.django_db
def test_elasticsearch_down_gives_a_page_that_says_so(es_backend, news_column, client, monkeypatch):
    from elasticsearch import ConnectionError as ESConnectionError

    def unreachable(search, ignore_cache=False):
        raise ESConnectionError("connection refused")

    monkeypatch.setattr(Search, "execute", unreachable)

    page = client.get("/search/", {"q": "法治"})
    api = client.get("/api/search/", {"q": "法治"})

    assert page.status_code == 200
    assert "搜索服务暂时不可用" in page.content.decode()
    assert api.status_code == 200
    assert api.json()["unavailable"] is True
    assert api.json()["results"] == []
