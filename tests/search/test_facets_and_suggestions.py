"""The search page's facet counts by column and year, and “您是不是要找” for a query with no result
(issue 15, item 3). Counts come from the matching ids every backend returns, so they are the same on all."""

import re

import pytest

from columns.plugins.news.models import NewsColumnPage
from search import service
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_columns(home, news_column, make_page):
    other = add_column(home, NewsColumnPage, "基层动态", "jcdt")
    make_page(news_column, "调解新闻一", "人民调解工作。", days_ago=0)
    make_page(news_column, "调解新闻二", "人民调解工作。", days_ago=400)
    make_page(other, "调解动态", "人民调解工作。", days_ago=800)
    make_page(other, "无关动态", "今天天气晴朗。", days_ago=1)
    return news_column, other


def test_facets_count_results_by_column_and_year(two_columns):
    news, _other = two_columns
    result = service.search("调解")
    columns = {facet.label: facet.count for facet in result.facets["columns"]}
    assert columns == {news.title: 2, "基层动态": 1}
    assert sum(facet.count for facet in result.facets["years"]) == 3
    assert [facet.value for facet in result.facets["years"]] == sorted(
        {hit.published.year for hit in result.hits}, reverse=True
    )


def test_the_search_page_links_each_facet_to_a_narrower_search(client, two_columns):
    _news, other = two_columns
    html = client.get("/search/", {"q": "调解"}).content.decode()
    assert "按栏目" in html and "按年份" in html
    link = re.search(rf'href="(\?[^"]*column={other.pk}[^"]*)"', html).group(1).replace("&amp;", "&")
    narrowed = client.get("/search/" + link).content.decode()
    assert "调解动态" in narrowed and "调解新闻一" not in narrowed
    year = service.search("调解").facets["years"][0].value
    assert f"date_from={year}-01-01" in html and f"date_to={year}-12-31" in html


def test_the_api_returns_facets(client, two_columns):
    data = client.get("/api/search/", {"q": "调解"}).json()
    assert {facet["label"]: facet["count"] for facet in data["facets"]["columns"]}["基层动态"] == 1
    assert data["suggestion"] is None


def test_a_query_one_character_off_a_dictionary_word_gets_a_suggestion(client, news_column, make_page):
    make_page(news_column, "防范电信诈骗", "警惕诈骗电话。")
    result = service.search("诈编")  # a typo of 诈骗
    assert result.total == 0 and result.suggestion == "诈骗"
    html = client.get("/search/", {"q": "诈编"}).content.decode()
    assert "您是不是要找" in html and "?q=%E8%AF%88%E9%AA%97" in html


def test_no_suggestion_without_a_word_that_has_results(news_column, make_page):
    make_page(news_column, "防范电信诈骗", "警惕诈骗电话。")
    assert service.search("天气预报员").suggestion is None
    assert service.search("诈骗").suggestion is None  # found: no suggestion
