"""The public search page and GET /api/search/: results, filters, pagination, and every kind of bad input."""

import json

import pytest

from columns.plugins.news.models import NewsColumnPage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    "   ",
    "法" * 5000,
    "！！！。。。",
    "，、；：？",
    '"',
    '"法治',
    "*",
    "法治*",
    ":",
    "title:法治",
    "body_tokens:诈骗",
    "^",
    "法治^2",
    "-",
    "-法治",
    "(",
    ")",
    "(法治",
    "法治 OR 诈骗",
    "OR",
    "AND",
    "NEAR",
    "NOT",
    "NEAR(法治 诈骗)",
    "法治 AND",
    "{title_tokens}:法治",
    "'",
    "\\",
    "%",
    "_",
    "&",
    "|",
    "!",
    "~",
    "<script>alert(1)</script>",
    "abc法治123",
    "ＡＢＣ法治１２３",
    "（法治）",
    "法治\x00诈骗",
    "2024年 法治",
    "法治" + " " * 50 + "诈骗",
    "a b c d e f g h i j k l m n",
]


@pytest.fixture
def pages(news_column, make_page):
    make_page(news_column, "法治宣传进社区", "司法所开展法治宣传。", days_ago=2)
    make_page(news_column, "警惕电信网络诈骗", "防范诈骗。", days_ago=1)
    return news_column


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_a_valid_search_page(client, pages, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "站内搜索" in response.content.decode()


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gives_valid_json(client, pages, query):
    response = client.get("/api/search/", {"q": query})

    assert response.status_code == 200
    data = json.loads(response.content)
    assert isinstance(data["total"], int)
    assert isinstance(data["results"], list)
    assert len(data["query"]) <= 100


@pytest.mark.parametrize(
    "params",
    [
        {"q": "法治", "page": "abc"},
        {"q": "法治", "page": "-1"},
        {"q": "法治", "page": "99999"},
        {"q": "法治", "column": "not-a-number"},
        {"q": "法治", "column": "999999"},
        {"q": "法治", "date_from": "2024-13-45"},
        {"q": "法治", "date_to": "yesterday"},
        {"q": "法治", "date_from": "2030-01-01", "date_to": "2020-01-01"},
        {"q": "法治", "sort": "drop table"},
    ],
)
def test_bad_parameters_are_ignored(client, pages, params):
    for url in ("/search/", "/api/search/"):
        response = client.get(url, params)
        assert response.status_code == 200


def test_syntax_characters_are_plain_separators(client, pages):
    data = client.get("/api/search/", {"q": '"法治" OR (诈骗*)'}).json()

    assert {result["title"] for result in data["results"]} == {"法治宣传进社区", "警惕电信网络诈骗"}


def test_full_width_and_mixed_input_is_normalised(client, news_column, make_page):
    make_page(news_column, "2024年ABC法治报告", "")

    data = client.get("/api/search/", {"q": "ＡＢＣ"}).json()

    assert [result["title"] for result in data["results"]] == ["2024年ABC法治报告"]


def test_over_long_query_is_capped(client, pages):
    data = client.get("/api/search/", {"q": "法治" + "x" * 500}).json()

    assert len(data["query"]) == 100


def test_json_shape(client, pages):
    response = client.get("/api/search/", {"q": "诈骗"})

    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["total"] == 1
    assert list(data["results"][0]) == ["title", "url", "snippet", "column", "published"]
    result = data["results"][0]
    assert result["title"] == "警惕电信网络诈骗"
    assert result["url"] == "/zfyw/search-page-2/"
    assert "<mark>诈骗</mark>" in result["snippet"]
    assert result["column"] == "政法要闻"
    assert len(result["published"]) == 10


def test_json_pagination_ten_a_page(client, news_column, make_page):
    for number in range(23):
        make_page(news_column, f"普法活动第{number}期", "", days_ago=number)

    first = client.get("/api/search/", {"q": "普法"}).json()
    third = client.get("/api/search/", {"q": "普法", "page": 3}).json()

    assert first["total"] == 23
    assert len(first["results"]) == 10
    assert len(third["results"]) == 3
    assert first["results"][0]["title"] == "普法活动第0期"


def test_json_column_filter(client, home, news_column, make_page):
    other = add_column(home, NewsColumnPage, "基层动态", "jcdt")
    make_page(news_column, "普法宣传周", "")
    make_page(other, "普法进乡村", "")

    data = client.get("/api/search/", {"q": "普法", "column": other.pk}).json()

    assert [result["title"] for result in data["results"]] == ["普法进乡村"]


def test_search_page_shows_count_snippets_and_pagination(client, news_column, make_page):
    for number in range(12):
        make_page(news_column, f"人民调解案例{number}", "调解员耐心调解。", days_ago=number)

    response = client.get("/search/", {"q": "调解", "sort": "date"})
    html = response.content.decode()

    assert "找到 12 条与“调解”相关的信息" in html
    assert "<mark>调解</mark>" in html
    assert "第 1 / 2 页" in html
    assert "sort=date" in html  # the next-page link keeps the filters


def test_search_page_helps_when_nothing_found(client, pages):
    html = client.get("/search/", {"q": "不存在的词语组合"}).content.decode()

    assert "没有找到与“不存在的词语组合”相关的信息" in html
    assert "检查是否有错别字" in html


def test_search_page_without_query_asks_for_one(client, pages):
    html = client.get("/search/").content.decode()

    assert "请输入要查找的关键词" in html


def test_search_page_escapes_the_query(client, pages):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)</script>" not in html
