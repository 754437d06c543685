"""Chinese full-text search on the database backend: matching, ranking, dictionary, rebuild, admin."""

import io

import pytest

from django.core.management import call_command
from django.urls import reverse

from columns.plugins.news.models import NewsColumnPage
from search import service
from search.models import IndexEntry, SearchTerm, Synonym
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


def titles(query, **kwargs):
    return [hit.title for hit in service.search(query, **kwargs).hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("法治", "法治宣传进社区"), ("诈骗", "警惕电信网络诈骗"), ("平安建设", "平安建设推进会召开")],
)
def test_ordinary_chinese_queries_find_pages_containing_them(news_column, make_page, query, expected):
    make_page(news_column, "法治宣传进社区", "司法所开展法治宣传活动。")
    make_page(news_column, "警惕电信网络诈骗", "公安机关提醒群众防范冒充客服的骗局。")
    make_page(news_column, "平安建设推进会召开", "会议部署下一阶段工作。")
    make_page(news_column, "无关新闻", "今天天气晴朗，气温适宜。")

    assert titles(query) == [expected]


def test_query_found_in_body_only(news_column, make_page):
    make_page(news_column, "工作动态", "本市持续深化平安建设，群众安全感不断提升。")

    assert titles("平安建设") == ["工作动态"]


def test_single_shared_character_does_not_match(news_column, make_page):
    make_page(news_column, "治安巡逻", "民警加强夜间治安巡逻。")  # shares 治 with 法治 but not the word

    assert titles("法治") == []


def test_title_match_ranks_above_body_only_match(news_column, make_page):
    make_page(news_column, "社区简报", "诈骗诈骗诈骗，多次提到诈骗的正文。", days_ago=0)
    make_page(news_column, "诈骗案件通报", "近期案件情况。", days_ago=30)

    assert titles("诈骗") == ["诈骗案件通报", "社区简报"]


def test_newer_item_wins_a_tie(news_column, make_page):
    make_page(news_column, "调解工作纪实", "人民调解化解矛盾。", days_ago=10)
    make_page(news_column, "调解工作纪实", "人民调解化解矛盾。", days_ago=1)
    make_page(news_column, "调解工作纪实", "人民调解化解矛盾。", days_ago=5)

    dates = [hit.published for hit in service.search("调解").hits]
    assert dates == sorted(dates, reverse=True)


def test_multi_word_query_puts_items_with_all_words_first(news_column, make_page):
    make_page(news_column, "法治新闻", "只讲法治。", days_ago=0)
    make_page(news_column, "综合报道", "依靠法治手段打击诈骗犯罪。", days_ago=20)
    make_page(news_column, "诈骗提醒", "只讲诈骗。", days_ago=1)

    result = titles("法治 诈骗")
    assert result[0] == "综合报道"
    assert set(result[1:]) == {"法治新闻", "诈骗提醒"}


def test_synonyms_from_default_dictionary(news_column, make_page):
    make_page(news_column, "市委政法委员会召开全体会议", "会议研究部署工作。")

    assert titles("政法委") == ["市委政法委员会召开全体会议"]


def test_synonym_added_by_editor_applies_without_restart(news_column, make_page, django_capture_on_commit_callbacks):
    make_page(news_column, "网格员走访群众", "了解群众诉求。")
    assert titles("网格管理员") == []

    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(terms="网格员，网格管理员")

    assert titles("网格管理员") == ["网格员走访群众"]


def test_dictionary_term_applies_without_restart(news_column, make_page, django_capture_on_commit_callbacks):
    make_page(news_column, "推广清江模式", "各地学习清江模式。")
    make_page(news_column, "清江市探索新模式", "探索基层治理新路子。")
    assert set(titles("清江模式")) == {"推广清江模式", "清江市探索新模式"}

    with django_capture_on_commit_callbacks(execute=True):
        SearchTerm.objects.create(word="清江模式")

    assert titles("清江模式") == ["推广清江模式"]


def test_dictionary_term_removed_applies_without_restart(news_column, make_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        term = SearchTerm.objects.create(word="清江模式")
    make_page(news_column, "推广清江模式", "各地学习清江模式。")
    make_page(news_column, "清江市探索新模式", "探索基层治理新路子。")
    assert titles("清江模式") == ["推广清江模式"]

    with django_capture_on_commit_callbacks(execute=True):
        term.delete()

    assert set(titles("清江模式")) == {"推广清江模式", "清江市探索新模式"}


def test_rebuild_command_reindexes_everything_with_progress(news_column, make_page):
    make_page(news_column, "扫黑除恶专项斗争", "常态化开展扫黑除恶。")
    IndexEntry.objects.all().delete()
    assert titles("扫黑除恶") == []

    out = io.StringIO()
    call_command("rebuild_chinese_index", stdout=out)

    assert titles("扫黑除恶") == ["扫黑除恶专项斗争"]
    assert "100%" in out.getvalue()
    assert "已重建索引" in out.getvalue()


def test_wagtail_update_index_works_with_the_backend(news_column, make_page):
    make_page(news_column, "以案说法：合同纠纷", "法官以案说法。")
    IndexEntry.objects.all().delete()

    call_command("update_index", stdout=io.StringIO())

    assert titles("以案说法") == ["以案说法：合同纠纷"]


def test_unpublished_and_deleted_pages_are_not_found(news_column, make_page):
    draft = make_page(news_column, "见义勇为表彰草稿", "表彰名单。")
    draft.unpublish()
    gone = make_page(news_column, "见义勇为事迹", "事迹介绍。")
    gone.delete()

    assert titles("见义勇为") == []
    assert not IndexEntry.objects.filter(object_id=str(gone.pk)).exists()


def test_filter_by_column(home, news_column, make_page):
    other = add_column(home, NewsColumnPage, "基层动态", "jcdt")
    make_page(news_column, "普法宣传周", "")
    make_page(other, "普法进乡村", "")

    assert titles("普法", column=other) == ["普法进乡村"]


def test_filter_by_date_range_and_sort_by_date(news_column, make_page):
    from django.utils import timezone

    today = timezone.localdate()
    make_page(news_column, "法律援助进社区", "", days_ago=40)
    make_page(news_column, "法律援助热线开通", "法律援助法律援助", days_ago=5)
    make_page(news_column, "法律援助工作总结", "", days_ago=1)

    from datetime import timedelta

    assert titles("法律援助", date_from=today - timedelta(days=10), date_to=today - timedelta(days=2)) == [
        "法律援助热线开通"
    ]
    assert titles("法律援助", sort="date") == ["法律援助工作总结", "法律援助热线开通", "法律援助进社区"]


def test_highlighted_snippet_is_escaped(news_column, make_page):
    make_page(news_column, "反诈提示", "切勿轻信&lt;陌生链接&gt;，谨防诈骗。")

    hit = service.search("诈骗").hits[0]
    assert "<mark>诈骗</mark>" in hit.snippet
    assert "&lt;陌生链接&gt;" in hit.snippet


def test_admin_page_search_in_chinese_finds_pages(news_column, make_page, admin_client):
    make_page(news_column, "社区矫正工作会议", "会议内容。")
    make_page(news_column, "天气预报", "晴。")

    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "社区矫正"})

    assert response.status_code == 200
    assert "社区矫正工作会议" in response.content.decode()
    assert "天气预报" not in response.content.decode()


def test_admin_document_search_in_chinese(chinese_backend, admin_client, home):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    document_model = get_document_model()
    document = document_model(title="矛盾纠纷排查化解办法")
    document.file.save("rules.txt", ContentFile(b"text"), save=True)
    other = document_model(title="会议通知")
    other.file.save("other.txt", ContentFile(b"text"), save=True)

    response = admin_client.get(reverse("wagtaildocs:index"), {"q": "矛盾纠纷"})

    assert response.status_code == 200
    assert "矛盾纠纷排查化解办法" in response.content.decode()
    assert "会议通知" not in response.content.decode()


def test_admin_manages_dictionary_terms(chinese_backend, admin_client, home):
    response = admin_client.post(
        reverse("wagtailsnippets_search_searchterm:add"), {"word": " 护苗行动 ", "frequency": "", "note": "专项行动"}
    )

    assert response.status_code == 302
    assert SearchTerm.objects.filter(word="护苗行动").exists()


def test_admin_rejects_synonym_group_of_one(chinese_backend, admin_client, home):
    response = admin_client.post(reverse("wagtailsnippets_search_synonym:add"), {"terms": "政法委", "note": ""})

    assert response.status_code == 200
    assert "至少要有两个不同的词语" in response.content.decode()


def test_public_search_covers_the_law_library(home, news_column, make_page):
    from datetime import date

    from legal_services.models import LawLibraryPage, LawPage

    library = add_column(home, LawLibraryPage, "法律法规库", "flfgk")
    library.add_child(
        instance=LawPage(
            title="中华人民共和国反电信网络诈骗法",
            slug="fzf",
            body="第一条 为了预防、遏制和惩治电信网络诈骗活动……",
            published_date=date(2022, 9, 2),
        )
    )
    make_page(news_column, "警惕诈骗", "防范诈骗。", days_ago=1)

    result = service.search("诈骗", sort="date")
    law = next(hit for hit in result.hits if hit.title == "中华人民共和国反电信网络诈骗法")

    assert [hit.title for hit in result.hits] == ["警惕诈骗", "中华人民共和国反电信网络诈骗法"]
    assert law.column == "法律法规库"
    assert law.as_json()["published"] == "2022-09-02"
    assert titles("诈骗", date_to=date(2023, 1, 1)) == ["中华人民共和国反电信网络诈骗法"]
    assert titles("诈骗", column=library) == ["中华人民共和国反电信网络诈骗法"]


def test_a_dictionary_word_inside_a_longer_dictionary_word_is_found(news_column, make_page):
    SearchTerm.objects.get_or_create(word="电信网络诈骗")
    SearchTerm.objects.get_or_create(word="反电信网络诈骗法")
    make_page(news_column, "法治文化公园建成开放", "公园里设有宣传反电信网络诈骗法的展板。")
    make_page(news_column, "无关新闻", "网络信息和电信业务的一般介绍，不涉及诈骗。")

    assert titles("电信网络诈骗") == ["法治文化公园建成开放"]
    assert titles("反电信网络诈骗法") == ["法治文化公园建成开放"]


def test_topic_pages_are_searchable_not_only_their_articles(home, make_page):
    from columns.plugins.topics.models import TopicColumnPage, TopicPage

    column = add_column(home, TopicColumnPage, "专题专栏", "ztzl")
    topic = TopicPage(title="安全生产法治宣传月", slug="aqsc", intro="集中开展安全生产法治宣传。")
    column.add_child(instance=topic)
    topic.save_revision().publish()

    assert titles("法治宣传") == ["安全生产法治宣传月"]
