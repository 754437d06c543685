"""The legal-services channel: its front page, the public FAQ and question form, service guides and 法治动态."""

import secrets

import pytest

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model

from columns.plugins.legal_news.models import LegalNewsColumnPage
from columns.plugins.news.models import NewsPage
from demo.columns import seed_column
from legal_services.models import (
    GuideIndexPage,
    GuideLegalBasis,
    GuidePage,
    LawLibraryPage,
    LawPage,
    Question,
    QuestionCategory,
    QuestionStatus,
)
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


def make_question(**fields):
    defaults = {
        "category": QuestionCategory.POLICY,
        "name": "李四",
        "phone": "13800000000",
        "title": "这是一个测试问题",
        "content": "这是测试问题的具体内容，至少十个字。",
    }
    defaults.update(fields)
    return Question.objects.create(**defaults)


def published(**fields):
    return make_question(
        consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="您好，答复如下。", is_published=True, **fields
    )


# Front page


def test_the_home_page_service_entry_links_to_the_channel(client, home):
    home.save_revision().publish()
    html = client.get("/").content.decode()
    assert f'href="{reverse("legal_services:index")}"' in html and reverse("legal_services:index") == "/legal/"


def test_the_channel_links_every_service(client, home):
    library = add_column(home, LawLibraryPage, "法律法规库", "flfgk")
    guides = add_column(home, GuideIndexPage, "法律办事指南", "flbszn")
    answered = published(title="已公开的一个问题")
    html = client.get("/legal/").content.decode()
    for url in (library.url, guides.url, "/legal/faq/", "/legal/ask/", "/legal/aid/", "/legal/aid/query/"):
        assert f'href="{url}"' in html, url
    assert answered.title in html


def test_services_not_yet_set_up_say_so(client, home):
    html = client.get("/legal/").content.decode()
    assert html.count("即将开通") == 2 and "暂无公开的问答。" in html


# FAQ and the question form


def test_the_faq_lists_only_published_questions_and_never_an_unpublished_one(client, home):
    visible = published(title="可以公开的问题标题")
    hidden = [
        make_question(title="未答复的问题标题"),
        make_question(title="答复了但未公开的", consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="答"),
        make_question(title="提问人未同意公开的", status=QuestionStatus.ANSWERED, answer="答复"),
    ]
    forced = published(title="被绕过校验公开的")
    Question.objects.filter(pk=forced.pk).update(consent_to_publish=False)
    hidden.append(forced)
    html = client.get("/legal/faq/").content.decode()
    assert visible.title in html and all(question.title not in html for question in hidden)
    assert client.get(f"/legal/faq/{visible.pk}/").status_code == 200
    for question in hidden:
        assert client.get(f"/legal/faq/{question.pk}/").status_code == 404
        assert question.title not in client.get("/legal/").content.decode()


def test_a_published_question_shows_the_answer_but_not_the_askers_contact(client, home):
    question = published(name="王小明", phone="13912345678", email="wang@example.com")
    html = client.get(f"/legal/faq/{question.pk}/").content.decode()
    assert "您好，答复如下。" in html and "王**" in html
    assert "13912345678" not in html and "wang@example.com" not in html and "王小明" not in html


def test_the_faq_filters_by_category_and_searches(client, home):
    policy = published(title="关于物业费的政策咨询", category=QuestionCategory.POLICY)
    litigation = published(title="关于申诉程序的问题", category=QuestionCategory.LITIGATION)
    qa = published(title="你问我答栏目的问题", category=QuestionCategory.QA)
    html = client.get("/legal/faq/", {"category": "litigation"}).content.decode()
    assert litigation.title in html and policy.title not in html and qa.title not in html
    html = client.get("/legal/faq/", {"q": "物业"}).content.decode()
    assert policy.title in html and litigation.title not in html and "找到 1 个问答" in html
    html = client.get("/legal/faq/", {"q": "没有这个词"}).content.decode()
    assert "没有找到符合条件的问答" in html
    html = client.get("/legal/faq/", {"category": "bogus", "q": "\x00%%", "page": "x"}).content.decode()
    assert all(question.title in html for question in (policy, litigation, qa))


def test_the_faq_pages_through_ten_at_a_time(client, home):
    for number in range(12):
        published(title=f"第{number:02d}个公开的问题")
    assert client.get("/legal/faq/").content.decode().count('class="question-list__item"') == 10
    assert client.get("/legal/faq/", {"page": 2}).content.decode().count('class="question-list__item"') == 2


def test_the_channel_form_takes_policy_and_litigation_questions(client, home):
    html = client.get("/legal/ask/").content.decode()
    assert "法规政策咨询" in html and "涉法涉诉问题解答" in html and 'value="qa"' not in html
    data = {
        "category": "litigation",
        "name": "王小明",
        "phone": "13800001234",
        "title": "判决生效后如何申诉？",
        "content": "我对一审判决不服但已过上诉期，请问还可以通过什么途径申诉？",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    response = client.post("/legal/ask/", data)
    assert response.status_code == 302 and response["Location"] == "/legal/ask/done/"
    question = Question.objects.get()
    assert question.category == QuestionCategory.LITIGATION and not question.is_published
    assert question.reference in client.get("/legal/ask/done/").content.decode()
    assert question.title not in client.get("/legal/faq/").content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [({"captcha_1": "WRONG"}, "验证码错误，请重新输入。"), ({"category": "qa"}, "请选择列表中的咨询类别。")],
)
def test_the_channel_form_refuses_bad_input_and_keeps_it(client, home, overrides, message):
    data = {
        "category": "policy",
        "name": "王小明",
        "phone": "13800001234",
        "title": "关于宅基地的问题",
        "content": "想咨询宅基地确权登记需要哪些材料。",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
        **overrides,
    }
    html = client.post("/legal/ask/", data).content.decode()
    assert message in html and 'value="关于宅基地的问题"' in html and not Question.objects.exists()


def test_the_receipt_without_a_question_goes_back_to_the_form(client, home):
    assert client.get("/legal/ask/done/")["Location"] == "/legal/ask/"


# Service guides


@pytest.fixture
def guide_index(home):
    return add_column(home, GuideIndexPage, "法律办事指南", "flbszn")


def make_guide(parent, title="申请法律援助", category="法律援助", **fields):
    defaults = {
        "applicable_to": "经济困难的公民",
        "conditions": "因经济困难没有委托代理人",
        "materials": [("material", "居民身份证原件及复印件1份"), ("material", "经济困难状况说明表")],
        "steps": [
            ("step", {"title": "提出申请", "description": "到法律援助中心窗口或网上提交"}),
            ("step", {"title": "审查决定", "description": "七日内作出决定"}),
        ],
        "time_limit": "自收到申请之日起7日内作出决定",
        "fees": "不收费",
        "place_and_hours": "清江市法律援助中心，工作日 9:00-17:00",
        "phone": "12348",
    }
    defaults.update(fields)
    slug = f"guide-{GuidePage.objects.count()}"
    guide = parent.add_child(instance=GuidePage(title=title, slug=slug, category=category, **defaults))
    guide.save_revision().publish()
    return guide


def test_a_guide_shows_every_structured_field_in_order(client, guide_index):
    html = client.get(make_guide(guide_index).url).content.decode()
    labels = [
        "事项名称",
        "适用对象",
        "办理条件",
        "所需材料",
        "办理流程",
        "办理时限",
        "收费标准",
        "办理地点与时间",
        "咨询电话",
    ]
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "居民身份证原件及复印件1份" in html and "审查决定" in html and "七日内作出决定" in html
    assert html.index("提出申请") < html.index("审查决定")


def test_a_guide_links_its_legal_basis_to_the_article_and_offers_forms(client, home, guide_index):
    library = add_column(home, LawLibraryPage, "法律法规库", "flfgk")
    law = library.add_child(
        instance=LawPage(title="中华人民共和国法律援助法", slug="flyzf", body="第四十三条 法律援助机构应当审查。")
    )
    document = get_document_model().objects.create(title="法律援助申请表", file=ContentFile(b"%PDF", name="sqb.pdf"))
    guide = make_guide(guide_index, forms=[("form", {"document": document, "title": ""})])
    GuideLegalBasis.objects.create(page=guide, law=law, article="第四十三条", sort_order=0)
    GuideLegalBasis.objects.create(page=guide, law=law, article="", sort_order=1)
    html = client.get(guide.url).content.decode()
    assert f'href="{law.url}#art-43"' in html and f'href="{law.url}"' in html
    assert "《中华人民共和国法律援助法》第四十三条" in html
    assert document.url in html and "法律援助申请表" in html and "download" in html
    assert 'id="art-43"' in client.get(law.url).content.decode()


def test_the_guide_index_groups_guides_by_category(client, guide_index):
    make_guide(guide_index, "申请法律援助", "法律援助")
    make_guide(guide_index, "办理出生公证", "公证")
    draft = make_guide(guide_index, "尚未发布的指南", "公证")
    draft.unpublish()
    html = client.get(guide_index.url).content.decode()
    assert html.index("公证") < html.index("办理出生公证") < html.index("法律援助") < html.index("申请法律援助")
    assert "尚未发布的指南" not in html


def test_an_empty_guide_index_says_so(client, guide_index):
    assert "暂无办事指南。" in client.get(guide_index.url).content.decode()


def test_a_guide_with_a_bad_phone_is_refused(guide_index):
    from django.core.exceptions import ValidationError

    guide = GuidePage(title="测试指南", slug="bad", category="公证", phone="123")
    with pytest.raises(ValidationError) as error:
        guide.full_clean()
    assert "请输入有效的电话号码" in str(error.value)


def test_page_types_sit_where_they_belong(home, guide_index):
    assert GuidePage.can_create_at(guide_index) and not GuidePage.can_create_at(home)
    assert GuideIndexPage.allowed_subpage_models() == [GuidePage]
    assert not GuideIndexPage.can_create_at(home)  # one per home page, and one exists


# 法治动态


def test_the_legal_news_column_holds_news_and_seeds_idempotently(client, home):
    column = add_column(home, LegalNewsColumnPage, "法治动态", "fzdt")
    assert LegalNewsColumnPage.allowed_subpage_models() == [NewsPage]
    seed_column(column)
    seed_column(column)
    items = NewsPage.objects.child_of(column).live()
    assert items.count() == 2
    html = client.get(column.url).content.decode()
    assert all(item.title in html for item in items)
    item = column.add_child(instance=NewsPage(title="新法施行", slug="new-law", publish_date=timezone.now()))
    item.save_revision().publish()
    assert "新法施行" in client.get(column.url).content.decode()


def test_the_legal_news_column_passes_the_column_checks():
    from columns.checks import check_column_types

    assert not [error for error in check_column_types() if "LegalNewsColumnPage" in error.msg]


def test_the_demo_guides_are_seeded_once_and_render(client, guide_index):
    seed_column(guide_index)
    seed_column(guide_index)
    guides = GuidePage.objects.child_of(guide_index).live()
    assert sorted(guides.values_list("title", flat=True)) == ["申请人民调解", "申请法律援助"]
    for guide in guides:
        assert client.get(guide.url).status_code == 200
