"""The planned column 你问我答: published questions only, search, categories, the ask form and 咨询须知."""

import re
import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from captcha.conf import settings as captcha_settings

from wagtail.test.utils.form_data import nested_form_data

from columns.checks import check_column_types
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.registry import get_column_types
from demo.columns import seed_column
from home.models import HomePage
from legal_services.models import QaColumnPage, QaGuidePage, Question, QuestionCategory, QuestionStatus
from tests.columns.helpers import add_column, add_items

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture
def qa_column(home):
    return add_column(home, QaColumnPage, "你问我答", "nwwd")


def publish(title="装修噪音可以向哪里反映？", **fields):
    defaults = {
        "category": QuestionCategory.QA,
        "name": "陈立新",
        "phone": "13800000101",
        "email": "chen@example.com",
        "title": title,
        "content": "楼上装修噪音很大，晚上还在施工，请问可以向哪里反映？",
        "consent_to_publish": True,
        "status": QuestionStatus.ANSWERED,
        "answer": "可以先请物业协调，也可以申请人民调解。",
        "is_published": True,
    }
    defaults.update(fields)
    return Question.objects.create(**defaults)


def question_url(column, question):
    return column.url + column.reverse_subpage("question", args=[question.pk])


# Plugin contract and parent rules


def test_the_column_is_a_registered_planned_type():
    assert QaColumnPage in get_column_types()
    assert QaColumnPage.planned and QaColumnPage.default_slug == "nwwd"
    assert QaColumnPage.update_interval == timedelta(days=30)
    assert not [error for error in check_column_types() if error.obj is QaColumnPage]


def test_parent_rules(home, qa_column, news_column):
    assert QaColumnPage.can_create_at(home) is False  # one per home page, and one exists
    assert QaColumnPage.allowed_parent_page_models() == [HomePage]
    assert not QaColumnPage.can_create_at(news_column)
    assert QaColumnPage.allowed_subpage_models() == [QaGuidePage]
    assert QaGuidePage.can_create_at(qa_column)
    assert not QaGuidePage.can_create_at(home)
    assert not QaGuidePage.can_create_at(news_column)
    assert not NewsPage.can_create_at(qa_column)


def test_the_column_can_be_created_under_a_home_page_without_one(home):
    assert QaColumnPage.can_create_at(home)


def test_editors_create_the_column_with_its_categories(admin_client, home):
    url = f"/admin/pages/add/legal_services/qacolumnpage/{home.pk}/"
    data = nested_form_data({"title": "你问我答", "slug": "nwwd", "intro": "", "action-publish": "publish"})
    response = admin_client.post(url, {**data, "question_categories": ["qa", "litigation"]})
    assert response.status_code == 302
    column = QaColumnPage.objects.get()
    assert column.live and column.categories == ["litigation", "qa"]


def test_the_edit_form_shows_the_chosen_categories(admin_client, home):
    column = add_column(home, QaColumnPage, "你问我答", "nwwd", question_categories=["policy"])
    html = admin_client.get(f"/admin/pages/{column.pk}/edit/").content.decode()
    assert "显示的问题类别" in html
    checked = re.findall(r'<input type="checkbox" name="question_categories" value="(\w+)"[^>]* checked>', html)
    assert checked == ["policy"]


def test_the_column_needs_at_least_one_category(admin_client, home):
    url = f"/admin/pages/add/legal_services/qacolumnpage/{home.pk}/"
    data = nested_form_data({"title": "你问我答", "slug": "nwwd", "intro": "", "action-publish": "publish"})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "请至少选择一个问题类别。" in response.content.decode()
    assert not QaColumnPage.objects.exists()


def test_the_default_category_is_you_ask_we_answer(qa_column):
    assert qa_column.question_categories == ["qa"] and qa_column.categories == ["qa"]


# Visitors see published questions only, without personal data


def test_a_published_question_is_listed_and_shown_with_a_masked_name(client, qa_column):
    question = publish()
    listing = client.get(qa_column.url).content.decode()
    assert question.title in listing and "陈**" in listing and question_url(qa_column, question) in listing
    response = client.get(question_url(qa_column, question))
    assert response.status_code == 200
    html = response.content.decode()
    assert question.title in html and question.content in html and question.answer in html
    assert "陈**" in html and question.reference in html
    for personal in ("陈立新", "13800000101", "chen@example.com"):
        assert personal not in listing and personal not in html


def test_unpublished_questions_are_never_visible(client, qa_column):
    hidden = [
        publish("待答复的问题标题", status=QuestionStatus.PENDING, answer="", is_published=False),
        publish("已答复未公开的问题", is_published=False),
        publish("不同意公开的问题", consent_to_publish=False, is_published=False),
        publish("不予答复的问题标题", status=QuestionStatus.DECLINED, decline_reason="重复。", is_published=False),
        publish("被强行公开的问题", is_published=False),
    ]
    Question.objects.filter(title="被强行公开的问题").update(is_published=True, consent_to_publish=False)
    visible = publish("已公开的问题标题")
    listing = client.get(qa_column.url).content.decode()
    assert f">{visible.title}</a>" in listing
    for question in hidden:
        assert question.title not in listing
        assert f">{question.title}</a>" not in client.get(qa_column.url, {"q": question.title}).content.decode()
        assert client.get(question_url(qa_column, question)).status_code == 404
    missing = Question.objects.order_by("-pk").first().pk + 1
    assert client.get(f"{qa_column.url}{missing}/").status_code == 404


def test_published_questions_of_other_categories_stay_out(client, qa_column):
    other = publish("法规政策类问题标题", category=QuestionCategory.POLICY)
    assert other.title not in client.get(qa_column.url).content.decode()
    assert client.get(question_url(qa_column, other)).status_code == 404


def test_question_text_is_escaped(client, qa_column):
    question = publish("<script>alert(1)</script>", answer="<b>答复</b>内容")
    html = client.get(question_url(qa_column, question)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert "&lt;b&gt;答复&lt;/b&gt;内容" in html


# Listing, search, categories


def test_newest_first_and_ten_per_page(client, qa_column):
    for index in range(23):
        publish(f"第{index:02d}个公开问题", published_at=START + timedelta(hours=index))
    first = client.get(qa_column.url).content.decode()
    assert first.count('class="question-list__item"') == 10
    assert first.index("第22个公开问题") < first.index("第21个公开问题")
    assert "第 1 / 3 页，共 23 条" in first
    third = client.get(qa_column.url, {"page": 3}).content.decode()
    assert third.count('class="question-list__item"') == 3 and "第00个公开问题" in third
    for bad_page in ("abc", "999", "-1"):
        assert client.get(qa_column.url, {"page": bad_page}).status_code == 200


def test_search_matches_title_content_and_answer(client, qa_column):
    by_title = publish("宅基地纠纷怎么解决？")
    by_content = publish("关于工资的问题", content="包工头拖欠工资三个月了，应该怎么办？")
    by_answer = publish("关于调解协议的问题", answer="可以申请司法确认。")
    unrelated = publish("完全无关的问题标题")
    for query, expected in (("宅基地", by_title), ("拖欠工资", by_content), ("司法确认", by_answer)):
        html = client.get(qa_column.url, {"q": query}).content.decode()
        assert expected.title in html and unrelated.title not in html
        assert f'value="{query}"' in html and "找到 1 个问题" in html


@pytest.mark.parametrize("query", ["", "   ", "？！。", "%", "_", "\x00", "'\" OR 1=1 --", "问" * 300])
def test_odd_queries_never_fail(client, qa_column, query):
    publish()
    response = client.get(qa_column.url, {"q": query})
    assert response.status_code == 200


def test_punctuation_only_lists_everything_and_long_queries_are_capped(client, qa_column):
    question = publish()
    assert question.title in client.get(qa_column.url, {"q": "？！"}).content.decode()
    html = client.get(qa_column.url, {"q": "问" * 300}).content.decode()
    assert f'value="{"问" * 50}"' in html and "问" * 51 not in html


def test_pagination_keeps_the_search(client, qa_column):
    for index in range(12):
        publish(f"调解问题{index:02d}号")
    publish("其他的问题标题")
    html = client.get(qa_column.url, {"q": "调解问题"}).content.decode()
    assert "共 12 条" in html and "?page=2&amp;q=%E8%B0%83%E8%A7%A3%E9%97%AE%E9%A2%98" in html


def test_category_filter(client, home):
    column = add_column(home, QaColumnPage, "你问我答", "nwwd", question_categories=["qa", "policy"])
    qa = publish("你问我答类问题")
    policy = publish("法规政策类问题", category=QuestionCategory.POLICY)
    litigation = publish("涉法涉诉类问题", category=QuestionCategory.LITIGATION)
    html = client.get(column.url).content.decode()
    assert qa.title in html and policy.title in html and litigation.title not in html
    assert '<option value="policy">法规政策咨询</option>' in html and 'value="litigation"' not in html
    html = client.get(column.url, {"category": "policy"}).content.decode()
    assert policy.title in html and qa.title not in html
    html = client.get(column.url, {"category": "litigation"}).content.decode()  # not this column's: ignored
    assert qa.title in html and policy.title in html and litigation.title not in html
    assert client.get(question_url(column, litigation)).status_code == 404


# Asking through the column, and 咨询须知


def test_the_ask_form_offers_only_the_columns_categories(client, home, settings, monkeypatch):
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)
    column = add_column(home, QaColumnPage, "你问我答", "nwwd", question_categories=["qa", "litigation"])
    ask = column.url + column.reverse_subpage("ask")
    html = client.get(ask).content.decode()
    assert 'value="qa"' in html and 'value="litigation"' in html and 'value="policy"' not in html
    data = {
        "category": "policy",
        "name": "周晓",
        "phone": "13800000105",
        "title": "越权类别的问题",
        "content": "这个问题选择了本栏目不受理的类别。",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    response = client.post(ask, data)
    assert response.status_code == 200 and "请选择列表中的咨询类别。" in response.content.decode()
    assert not Question.objects.exists()
    response = client.post(ask, {**data, "category": "litigation"}, follow=True)
    assert Question.objects.get().category == "litigation"
    assert Question.objects.get().reference in response.content.decode()


def test_guides_are_listed_at_the_top_and_link_to_the_form(client, qa_column):
    guide = add_items(qa_column, QaGuidePage, 1, prefix="咨询须知")[0]
    guide.save_revision().publish()
    publish()
    html = client.get(qa_column.url).content.decode()
    assert html.index(guide.title) < html.index("装修噪音可以向哪里反映？")
    assert "/nwwd/ask/" in html
    response = client.get(guide.url)
    assert response.status_code == 200 and "我要提问" in response.content.decode()
    assert "/nwwd/ask/" in response.content.decode()


def test_seed_demo_is_idempotent(client, qa_column):
    seed_column(qa_column)
    seed_column(qa_column)
    assert QaGuidePage.objects.child_of(qa_column).live().count() == 1
    assert Question.objects.published().filter(category=QuestionCategory.QA).count() == 4
    assert Question.objects.count() == 4
    html = client.get(qa_column.url).content.decode()
    assert "人民调解达成的协议有法律效力吗？" in html and "咨询须知" in html
    for question in Question.objects.all():
        assert question.full_clean() is None
        assert client.get(question_url(qa_column, question)).status_code == 200


def test_other_columns_are_unaffected(client, news_column):
    item = add_items(news_column, NewsPage, 1, prefix="新闻")[0]
    assert client.get(item.url).status_code == 200
    assert not NewsColumnPage.can_create_at(news_column)
