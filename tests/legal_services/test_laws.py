"""法律法规库: the importer command, the library listing and a law shown by chapter and article."""

import gzip
import json
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command
from django.db import DatabaseError

from wagtail.models import Page, Site

from legal_services.models import LawLibraryPage, LawPage, LawValidity
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "laws-dev.jsonl.gz"

CIVIL_CODE_BODY = "\n".join(
    [
        "2020年5月28日 第十三届全国人民代表大会第三次会议通过",
        "2021年1月1日 施行",
        "第一编\u2002\u2002总则",
        "第一章\u2002\u2002基本规定",
        "第一条 为了保护民事主体的合法权益，制定本法。",
        "第二条 民法调整平等主体之间的人身关系和财产关系。",
        "民事主体在民事活动中的法律地位一律平等。",
        "第二章 自然人",
        "第一节 民事权利能力和民事行为能力",
        "第十二条 本条用来检验十二的锚点。",
        "第一百二十条之一 本条用来检验“之一”的锚点。",
        "第一千二百六十条 本法自2021年1月1日起施行。",
    ]
)


def law(title="中华人民共和国测试法", body=CIVIL_CODE_BODY, category="民法典", published="2020-05-28", **extra):
    return {"title": title, "body": body, "category": category, "published": published, **extra}


def write_jsonl(path, lines, compress=False):
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n" for line in lines)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run_import(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_laws", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def library(home):
    return add_column(home, LawLibraryPage, "法律法规库", "flfgk")


# The importer


def test_a_clean_file_is_imported_as_live_pages_with_a_progress_bar(library, tmp_path):
    path = write_jsonl(
        tmp_path / "laws.jsonl",
        [law(), law(title="国务院关于测试的条例", body="第一条 测试。", category="行政法规", published=None)],
    )
    out, err = run_import(path)
    assert "新增 2 篇" in out and "有误未导入 0 行" in out
    assert "2/2 行 100%" in err and "[" in err
    civil = LawPage.objects.get(title="中华人民共和国测试法")
    assert civil.live and civil.get_parent().pk == library.pk
    assert str(civil.published_date) == "2020-05-28" and str(civil.effective_date) == "2021-01-01"
    assert civil.authority == "全国人民代表大会" and civil.category == "民法典"
    assert civil.validity == LawValidity.CURRENT
    regulation = LawPage.objects.get(title="国务院关于测试的条例")
    assert regulation.published_date is None and regulation.authority == "国务院"
    library.refresh_from_db()
    assert library.numchild == 2


def test_gzipped_files_are_read_too(library, tmp_path):
    out, _err = run_import(write_jsonl(tmp_path / "laws.jsonl.gz", [law()], compress=True))
    assert "新增 1 篇" in out and LawPage.objects.count() == 1


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "不是有效的 JSON"),
        ('["a list"]', "不是 JSON 对象"),
        (law(title=""), "字段 title 为空"),
        (law(title=None), "字段 title 缺失或不是文本"),
        (law(title="法" * 256), "字段 title 超过 255 个字符"),
        (law(body="   "), "字段 body 为空"),
        (law(body=42), "字段 body 缺失或不是文本"),
        (law(body="含有\x00空字符"), "字段 body 含有空字符"),
        (law(category=["宪法"]), "字段 category 缺失或不是文本"),
        (law(published="2020-13-45"), "字段 published 不是有效的日期"),
        (law(published=20200528), "字段 published 应为 ISO 日期"),
        ({"title": "缺少日期的法", "body": "第一条 测试。", "category": "其他"}, "缺少字段 published"),
    ],
)
def test_each_bad_line_is_reported_with_its_number_and_reason_and_nothing_of_it_is_stored(
    library, tmp_path, line, reason
):
    path = write_jsonl(tmp_path / "laws.jsonl", [law(title="第一部好的法"), line, law(title="第三部好的法")])
    out, err = run_import(path, "--no-progress")
    assert f"第 2 行未导入：{reason}" in err
    assert "新增 2 篇" in out and "有误未导入 1 行" in out
    assert sorted(LawPage.objects.values_list("title", flat=True)) == ["第一部好的法", "第三部好的法"]


def test_running_again_skips_what_is_already_there(library, tmp_path):
    path = write_jsonl(tmp_path / "laws.jsonl", [law(), law(title="另一部法", published=None)])
    run_import(path)
    out, _err = run_import(path)
    assert "新增 0 篇，已存在跳过 2 篇" in out
    assert LawPage.objects.count() == 2


def test_the_same_title_with_another_date_is_another_document(library, tmp_path):
    path = write_jsonl(
        tmp_path / "laws.jsonl", [law(published="2018-01-01"), law(published="2020-05-28"), law(published="2020-05-28")]
    )
    out, _err = run_import(path)
    assert "新增 2 篇，已存在跳过 1 篇" in out
    slugs = sorted(LawPage.objects.values_list("slug", flat=True))
    assert slugs == ["中华人民共和国测试法-20180101", "中华人民共和国测试法-20200528"]


def test_a_failure_while_writing_a_document_leaves_nothing_of_it(library, tmp_path, monkeypatch):
    original_save = LawPage.save

    def failing_save(self, *args, **kwargs):
        original_save(self, *args, **kwargs)
        if self.title == "写到一半失败的法":
            raise DatabaseError("disk full")

    monkeypatch.setattr(LawPage, "save", failing_save)
    path = write_jsonl(tmp_path / "laws.jsonl", [law(title="先导入的法"), law(title="写到一半失败的法")])
    with pytest.raises(DatabaseError):
        run_import(path)
    assert list(Page.objects.filter(title__contains="法").exclude(pk=library.pk).values_list("title", flat=True)) == [
        "先导入的法"
    ]
    library.refresh_from_db()
    assert library.numchild == 1


def test_parent_option_chooses_the_library(home, tmp_path):
    chosen = add_column(home, LawLibraryPage, "法律法规库", "flfgk")
    path = write_jsonl(tmp_path / "laws.jsonl", [law()])
    run_import(path, "--parent", str(chosen.pk))
    assert LawPage.objects.child_of(chosen).count() == 1
    with pytest.raises(CommandError, match="不是法律法规库页面"):
        run_import(path, "--parent", str(home.pk))


def test_without_a_library_one_is_created_under_the_home_page(home, tmp_path):
    run_import(write_jsonl(tmp_path / "laws.jsonl", [law()]))
    library = LawLibraryPage.objects.get()
    assert library.get_parent().pk == home.pk and library.live and library.slug == "flfgk"
    assert LawPage.objects.child_of(library).count() == 1


def test_without_a_home_page_or_file_the_command_says_why(db, tmp_path):
    with pytest.raises(CommandError, match="没有首页"):
        run_import(write_jsonl(tmp_path / "laws.jsonl", [law()]))
    with pytest.raises(CommandError, match="找不到文件"):
        run_import(tmp_path / "missing.jsonl")


def test_a_default_site_whose_root_is_not_a_home_page_gets_no_library(home, tmp_path):
    """The library goes under the default site's root only if a column may live there."""
    site = Site.objects.get(is_default_site=True)
    site.root_page = home.add_child(instance=Page(title="欢迎", slug="welcome"))
    site.save()
    with pytest.raises(CommandError, match="没有首页"):
        run_import(write_jsonl(tmp_path / "laws.jsonl", [law()]))
    assert not LawLibraryPage.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_before_anything_is_imported(library, tmp_path):
    path = tmp_path / "laws.jsonl"
    path.write_bytes(json.dumps(law(), ensure_ascii=False).encode("utf-8") + b"\n" + "坏".encode("gbk") + b"\n")
    with pytest.raises(CommandError, match="无法读取文件"):
        run_import(path)
    assert not LawPage.objects.exists()


@pytest.mark.slow
def test_the_shared_corpus_imports_cleanly_and_can_be_imported_again(library):
    """1,564 lines; 80 repeat a title and date already seen (民法典 books, re-issued interpretations): skipped."""
    if not CORPUS.exists():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    out, err = run_import(CORPUS, "--no-progress")
    assert "有误未导入 0 行" in out and "未导入：" not in err
    assert "新增 1484 篇，已存在跳过 80 篇" in out
    assert LawPage.objects.child_of(library).live().count() == 1484
    out, _err = run_import(CORPUS, "--no-progress")
    assert "新增 0 篇，已存在跳过 1564 篇" in out


# Public pages


@pytest.fixture
def laws(library):
    def add(title, **fields):
        return library.add_child(instance=LawPage(title=title, slug=f"law-{LawPage.objects.count()}", **fields))

    return {
        "civil": add("中华人民共和国测试法", body=CIVIL_CODE_BODY, category="民法典", authority="全国人民代表大会"),
        "old": add("旧的条例", body="第一条 已经废止。", category="行政法规", validity=LawValidity.REPEALED),
        "interp": add("最高人民法院关于测试的解释", body="第一条 解释。", category="司法解释"),
    }


def test_a_law_is_shown_by_chapter_and_article_with_anchors(client, laws):
    html = client.get(laws["civil"].url).content.decode()
    for anchor in ("part-1", "chap-1", "chap-2", "chap-2-sec-1", "art-1", "art-2", "art-12", "art-120-1", "art-1260"):
        assert f'id="{anchor}"' in html
        assert f'href="#{anchor}"' in html
    assert "民事主体在民事活动中的法律地位一律平等。" in html
    assert "制定机关" in html and "全国人民代表大会" in html and "现行有效" in html
    assert "2020年5月28日 第十三届全国人民代表大会第三次会议通过" in html


def test_a_text_without_articles_is_shown_as_paragraphs(client, library):
    case = library.add_child(
        instance=LawPage(title="某案例", slug="case", body="基本案情\n张某入职。\n裁判结果\n驳回。")
    )
    html = client.get(case.url).content.decode()
    assert "<p>张某入职。</p>" in html and 'id="art-' not in html and "目录" not in html


def test_the_library_lists_filters_and_searches_titles(client, library, laws):
    html = client.get(library.url).content.decode()
    assert all(page.title in html for page in laws.values())
    html = client.get(library.url, {"category": "司法解释"}).content.decode()
    assert "最高人民法院关于测试的解释" in html and "旧的条例" not in html and "找到 1 部法律法规" in html
    html = client.get(library.url, {"validity": "repealed"}).content.decode()
    assert "旧的条例" in html and "中华人民共和国测试法" not in html and "已废止" in html
    html = client.get(library.url, {"q": "测试法"}).content.decode()
    assert "中华人民共和国测试法" in html and "旧的条例" not in html
    html = client.get(library.url, {"q": "没有这部法"}).content.decode()
    assert "没有找到符合条件的法律法规" in html


def test_unknown_filter_values_list_everything(client, library, laws):
    response = client.get(library.url, {"category": "不存在", "validity": "x", "page": "abc", "q": "\x00"})
    assert response.status_code == 200
    assert all(page.title in response.content.decode() for page in laws.values())


def test_an_empty_library_says_so(client, library):
    assert "法律法规库暂无内容。" in client.get(library.url).content.decode()


def test_the_library_pages_through_twenty_laws_at_a_time(client, library):
    for number in range(25):
        library.add_child(instance=LawPage(title=f"第{number:02d}号规定", slug=f"rule-{number}", body="第一条 测试。"))
    first = client.get(library.url).content.decode()
    second = client.get(library.url, {"page": 2}).content.decode()
    assert first.count('class="law-list__item"') == 20 and second.count('class="law-list__item"') == 5
    assert "第 1 / 2 页，共 25 条" in first


def test_unpublished_laws_are_not_listed_or_shown(client, library, laws):
    laws["old"].unpublish()
    assert "旧的条例" not in client.get(library.url).content.decode()
    assert client.get(laws["old"].url or "/flfgk/law-1/").status_code == 404


def test_law_pages_are_indexed_for_search_by_title_and_text(library):
    """Words the database backend tokenises without a Chinese segmenter, so the test holds on any backend."""
    by_title = library.add_child(instance=LawPage(title="GB18667 标准", slug="gb", body="第一条 测试。"))
    by_body = library.add_child(instance=LawPage(title="某规定", slug="rule", body="第一条 引用 GB26341 标准。"))
    assert [page.specific for page in Page.objects.live().search("GB18667")] == [by_title]
    assert list(LawPage.objects.live().search("GB26341")) == [by_body]


def test_law_pages_live_only_in_the_law_library(library, home):
    assert LawPage.can_create_at(library)
    assert not LawPage.can_create_at(home)
    assert LawLibraryPage.can_create_at(home) is False  # one library per home page
    assert LawLibraryPage.allowed_subpage_models() == [LawPage]
