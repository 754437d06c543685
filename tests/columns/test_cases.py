"""以案说法: case summary, at least one expert commentary and the quoted statutes."""

import json

import pytest

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.cases.models import (
    CASE_SUMMARY_REQUIRED_MESSAGE,
    COMMENTARY_REQUIRED_MESSAGE,
    CaseStudyColumnPage,
    CaseStudyPage,
    StatuteBlock,
)
from columns.plugins.research.models import ResearchColumnPage
from demo.columns import seed_column
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

COMMENT = {"speaker": "赵敏", "role": "judge", "unit": "测试市人民法院", "comment": "花盆坠落致损，使用人应担责。"}
STATUTE = {
    "law_name": "中华人民共和国民法典",
    "article_number": "第一千一百六十五条",
    "article_text": "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
}


@pytest.fixture
def column(home):
    return add_column(home, CaseStudyColumnPage, "以案说法", "yasf")


def add_case(column, slug, **fields):
    values = {
        "title": f"案例{slug}",
        "case_summary": "<p>住户花盆坠落砸坏轿车。</p>",
        "commentary": [("comment", COMMENT)],
    }
    values.update(fields)
    page = column.add_child(instance=CaseStudyPage(slug=slug, **values))
    page.save_revision().publish()
    return page


def admin_data(commentary=(COMMENT,), statutes=(STATUTE,), **overrides):
    data = {
        "title": "阳台花盆坠落砸坏轿车，谁来担责？",
        "slug": "hpzl",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "case_summary": rich_text("<p>住户花盆坠落砸坏轿车。</p>"),
        "body": streamfield([]),
        "commentary": streamfield([("comment", comment) for comment in commentary]),
        "statutes": streamfield([("statute", statute) for statute in statutes]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return f"/admin/pages/add/cases/casestudypage/{column.pk}/"


def test_column_lives_under_the_home_page_once(home, column):
    assert CaseStudyColumnPage in HomePage.allowed_subpage_models()
    assert not CaseStudyColumnPage.can_create_at(home)
    assert not CaseStudyColumnPage.can_create_at(column)


def test_cases_live_only_in_their_column(home, column):
    other = add_column(home, ResearchColumnPage, "调查研究", "dcyj")
    assert column.allowed_subpage_models() == [CaseStudyPage]
    assert CaseStudyPage.can_create_at(column)
    assert not CaseStudyPage.can_create_at(home)
    assert not CaseStudyPage.can_create_at(other)
    assert CaseStudyPage.allowed_subpage_models() == []


def test_admin_publishes_a_case(admin_client, column):
    response = admin_client.post(add_url(column), admin_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    page = CaseStudyPage.objects.get(slug="hpzl")
    assert page.live and page.column_id == column.pk
    assert page.commentary[0].value["speaker"] == "赵敏"
    assert page.statutes[0].value["article_number"] == "第一千一百六十五条"


def test_admin_strips_title_marks_from_law_names(admin_client, column):
    statute = {**STATUTE, "law_name": "《中华人民共和国民法典》", "article_number": "第二百八十七条之二"}
    response = admin_client.post(add_url(column), admin_data(statutes=[statute]))
    assert response.status_code == 302, response.content.decode()[:3000]
    value = CaseStudyPage.objects.get().statutes[0].value
    assert value["law_name"] == "中华人民共和国民法典" and value["article_number"] == "第二百八十七条之二"


def test_admin_refuses_a_case_without_commentary(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(commentary=[]))
    assert response.status_code == 200
    assert json.dumps(COMMENTARY_REQUIRED_MESSAGE)[1:-1] in response.content.decode()
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize("submitted", ["null", rich_text("")])
def test_admin_refuses_a_case_without_case_summary(admin_client, column, submitted):
    response = admin_client.post(add_url(column), admin_data(case_summary=submitted))
    assert response.status_code == 200
    assert CASE_SUMMARY_REQUIRED_MESSAGE in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_admin_saves_a_draft_case_before_commentary_is_written(admin_client, column):
    data = admin_data(commentary=[], case_summary="null")
    del data["action-publish"]
    response = admin_client.post(add_url(column), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not CaseStudyPage.objects.get().live


def test_admin_refuses_a_commentary_without_speaker(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(commentary=[{**COMMENT, "speaker": ""}]))
    assert response.status_code == 200
    assert not CaseStudyPage.objects.exists()


def test_admin_refuses_a_malformed_article_number(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(statutes=[{**STATUTE, "article_number": "1165"}]))
    assert response.status_code == 200
    assert json.dumps("条文序号格式不正确")[1:-1] in response.content.decode()  # block errors travel as JSON
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize("number", ["第一千一百六十五条", "第30条", "第二百八十七条之二", "第 三十 条"])
def test_article_number_forms_accepted(number):
    assert StatuteBlock().clean({**STATUTE, "article_number": number})["article_number"] == number.replace(" ", "")


@pytest.mark.parametrize("view", ["page", "print"])
def test_item_page_and_its_print_view_show_the_three_sections_in_order(client, column, view):
    page = add_case(
        column,
        "a",
        body=[("paragraph", "<p>法院审理认为被告应担责。</p>")],
        commentary=[("comment", COMMENT), ("comment", {**COMMENT, "speaker": "孙浩", "role": "lawyer"})],
        statutes=[("statute", STATUTE)],
    )
    html = client.get(page.url if view == "page" else f"/columns/item/{page.pk}/print/").content.decode()
    headings = [
        'id="case-summary-heading"',
        "法院审理认为",
        'id="case-commentary-heading"',
        'id="case-statutes-heading"',
    ]
    positions = [html.index(text) for text in headings]
    assert positions == sorted(positions)
    assert "案情简介" in html and "法官/律师说法" in html and "相关法条" in html
    assert "住户花盆坠落砸坏轿车。" in html
    assert (
        "赵敏" in html
        and 'case-comment__role">法官<' in html
        and "测试市人民法院" in html
        and "花盆坠落致损，使用人应担责。" in html
    )
    assert "孙浩" in html and 'case-comment__role">律师<' in html
    assert "《中华人民共和国民法典》第一千一百六十五条" in html and "行为人因过错侵害他人民事权益" in html


def test_item_page_without_statutes_omits_the_section(client, column):
    html = client.get(add_case(column, "a").url).content.decode()
    assert "法官/律师说法" in html and "相关法条" not in html


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无信息。" in response.content.decode()


def test_column_lists_cases_a_page_at_a_time(client, column):
    for number in range(CaseStudyColumnPage.items_per_page + 1):
        add_case(column, f"c{number:02d}")
    first = client.get(column.url).content.decode()
    assert "第 1 / 2 页" in first and "案例c15" in first and "案例c00" not in first
    assert "案例c00" in client.get(column.url, {"page": 2}).content.decode()


def test_seed_demo_creates_cases_once(client, column):
    seed_column(column)
    count = CaseStudyPage.objects.child_of(column).count()
    assert 3 <= count <= 5
    seed_column(column)
    assert CaseStudyPage.objects.child_of(column).count() == count
    for page in CaseStudyPage.objects.child_of(column).live():
        html = client.get(page.url).content.decode()
        assert "案情简介" in html and "法官/律师说法" in html and "相关法条" in html
    assert "出租银行卡" in client.get(column.url).content.decode()
