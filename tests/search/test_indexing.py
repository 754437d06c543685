"""Index builds: text cut in several processes gives the same tokens; unchanged text is cut once and reused;
a rebuild drops the entries of objects no longer indexed."""

import io

from django.core.management import call_command

from search.analysis import index_tokens
from search.indexing import MIN_PARALLEL_CHARACTERS, Tokeniser
from search.models import IndexEntry

from .test_chinese import titles


def test_several_processes_cut_like_one():
    texts = ["人民调解委员会调解民间纠纷，维护社会稳定。" * (MIN_PARALLEL_CHARACTERS // 40), "反电信网络诈骗法", ""]
    with Tokeniser(processes=2) as tokeniser:
        assert tokeniser.tokens(texts) == [index_tokens(text) for text in texts]


def test_unchanged_text_keeps_its_tokens_and_rebuild_recuts(news_column, make_page):
    page = make_page(news_column, "平安建设工作会议", "部署平安建设。")
    entry = IndexEntry.objects.get(object_id=str(page.pk))
    IndexEntry.objects.filter(pk=entry.pk).update(body_tokens="手工 标记")

    call_command("rebuild_chinese_index", "--reuse", stdout=io.StringIO())
    assert IndexEntry.objects.get(pk=entry.pk).body_tokens == "手工 标记"

    call_command("rebuild_chinese_index", stdout=io.StringIO())
    assert "平安" in IndexEntry.objects.get(pk=entry.pk).body_tokens.split()


def test_changed_text_is_cut_again_on_save(news_column, make_page):
    page = make_page(news_column, "平安建设工作会议", "部署平安建设。")
    page.title = "扫黑除恶工作会议"
    page.save_revision().publish()
    assert titles("扫黑除恶") == ["扫黑除恶工作会议"]
    assert "平安" not in IndexEntry.objects.get(object_id=str(page.pk)).title_tokens.split()


def test_rebuild_drops_entries_of_objects_no_longer_indexed(news_column, make_page):
    page = make_page(news_column, "平安建设工作会议", "部署平安建设。")
    IndexEntry.objects.create(content_type_id=page.content_type_id, object_id="999999", title="孤儿条目")

    call_command("rebuild_chinese_index", "--reuse", stdout=io.StringIO())

    object_ids = set(IndexEntry.objects.values_list("object_id", flat=True))
    assert str(page.pk) in object_ids and "999999" not in object_ids
