"""Phrase first (issue 15, item 1): items containing the query as typed rank above items containing its
segments apart; then title over body; then newer first. The same assertions run on SQLite and PostgreSQL
(CI runs the suite on both), and the Elasticsearch query body asks for the same thing."""

import pytest

from search import service
from search.analysis import parse_query
from search.backends.elasticsearch import build_search

pytestmark = pytest.mark.django_db


def titles(query):
    return [hit.title for hit in service.search(query).hits]


@pytest.fixture
def noise_pages(news_column, make_page):
    """噪音扰民 is cut by jieba into 噪音 + 扰民: every page below contains both segments."""
    make_page(news_column, "夜间施工投诉处理", "工地噪音持续到深夜。另有群众反映广场舞扰民。", days_ago=1)
    make_page(news_column, "社区工作简报", "本月共受理噪音扰民投诉十二件，均已办结。", days_ago=30)
    make_page(news_column, "噪音扰民专项整治", "开展专项整治行动。", days_ago=60)
    make_page(news_column, "扰民问题和噪音检测", "两项工作同步推进。", days_ago=0)


def test_the_query_as_typed_ranks_above_its_segments_apart(noise_pages):
    assert titles("噪音扰民") == [
        "噪音扰民专项整治",  # as typed, in the title
        "社区工作简报",  # as typed, in the body
        "扰民问题和噪音检测",  # segments apart, both in the title
        "夜间施工投诉处理",  # segments apart, in the body
    ]


def test_each_space_separated_part_as_typed_counts(news_column, make_page):
    make_page(news_column, "高空与抛物线", "物理课讲抛物线，校园里的高空作业。", days_ago=0)
    make_page(news_column, "安全提示", "严禁高空抛物，防范校园欺凌。", days_ago=10)

    assert titles("高空抛物 校园欺凌")[0] == "安全提示"


def test_newer_first_among_equal_phrase_matches(news_column, make_page):
    make_page(news_column, "工作动态一", "依法处理噪音扰民。", days_ago=9)
    make_page(news_column, "工作动态二", "依法处理噪音扰民。", days_ago=2)

    assert titles("噪音扰民") == ["工作动态二", "工作动态一"]


def test_synonyms_as_typed_count_as_the_phrase(news_column, make_page):
    # 政法委 has the default synonym 政法委员会 (search/migrations/0003).
    make_page(news_column, "委员会工作会议", "政法工作委员会召开会议。", days_ago=0)
    make_page(news_column, "全会召开", "市委政法委员会召开全体会议。", days_ago=20)

    assert titles("政法委")[0] == "全会召开"


@pytest.mark.parametrize(
    "query", ['"噪音扰民', '噪音 "扰民" NEAR/5', "((噪音)) 扰民)", "NEAR(噪音 扰民, 2)", '"噪音""扰民"']
)
def test_phrase_syntax_is_plain_text(noise_pages, client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "噪音扰民专项整治" in response.content.decode()


@pytest.mark.parametrize("query", ['"', '""', "(((", "NEAR/5", '" OR "'])
def test_syntax_alone_finds_nothing_and_fails_nothing(noise_pages, client, query):
    for url in ("/search/", "/api/search/"):
        assert client.get(url, {"q": query}).status_code == 200
    assert service.search(query).total == 0


def test_elasticsearch_body_names_the_phrase_of_each_word():
    body = build_search("portal_search", parse_query("噪音扰民 政法委"), [1]).to_dict()
    should = body["query"]["bool"]["should"]
    assert {"match_phrase": {"title_text": {"query": "噪音扰民", "boost": 0.1, "_name": "q0"}}} in should
    assert {"match_phrase": {"body_text": {"query": "噪音扰民", "boost": 0.05, "_name": "p0"}}} in should
    assert {"match_phrase": {"body_text": {"query": "政法委员会", "boost": 0.05, "_name": "p1"}}} in should
