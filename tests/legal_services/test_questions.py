"""Question intake of the legal-services channel: the public form, reference numbers and the staff's answers."""

import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client

from legal_services.models import (
    QaColumnPage,
    Question,
    QuestionCategory,
    QuestionStatus,
    mask_name,
    normalise_search_query,
)
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 25, 10, 30, tzinfo=SHANGHAI)
ADMIN_LIST = "/admin/snippets/legal_services/question/"


@pytest.fixture(autouse=True)
def captcha_test_mode(settings, monkeypatch):
    """django-simple-captcha copies CAPTCHA_TEST_MODE when imported, so its copy is switched on too."""
    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


@pytest.fixture
def intake_page(home):
    """A page taking questions of every category (the 你问我答 column, configured that way)."""
    return add_column(home, QaColumnPage, "你问我答", "nwwd", question_categories=QuestionCategory.values)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def ask_url(page):
    return page.url + page.reverse_subpage("ask")


def form_data(**overrides):
    data = {
        "category": QuestionCategory.POLICY,
        "name": "王小明",
        "phone": "138 0000 1234",
        "email": "",
        "title": "宅基地确权需要哪些材料？",
        "content": "我家在青石镇，想办理宅基地确权登记，请问需要准备哪些材料，到哪里办理？",
        "captcha_0": "x",
        "captcha_1": "PASSED",
        "submission_key": secrets.token_urlsafe(32),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_question(**fields):
    defaults = {
        "category": QuestionCategory.QA,
        "name": "李四",
        "phone": "13800000000",
        "title": "这是一个测试问题",
        "content": "这是测试问题的具体内容，至少十个字。",
    }
    defaults.update(fields)
    return Question.objects.create(**defaults)


def edit_url(question):
    return f"{ADMIN_LIST}edit/{question.pk}/"


def admin_data(question, **overrides):
    data = {
        "category": question.category,
        "title": question.title,
        "content": question.content,
        "status": question.status,
        "answer": question.answer,
        "decline_reason": question.decline_reason,
    }
    if question.is_published:
        data["is_published"] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# The public form


def test_a_valid_question_is_stored_and_the_receipt_shows_its_reference(client, intake_page, frozen):
    response = client.post(ask_url(intake_page), form_data())
    assert response.status_code == 302
    assert response["Location"].endswith("/nwwd/ask/done/")
    question = Question.objects.get()
    assert question.reference == "ZX20261125-0001"
    assert question.phone == "13800001234"
    assert question.status == QuestionStatus.PENDING and not question.is_published and not question.consent_to_publish
    receipt = client.get(response["Location"]).content.decode()
    assert "ZX20261125-0001" in receipt and "法规政策咨询" in receipt
    assert "通过电话反馈" in receipt and "将在本网站公开" not in receipt


def test_the_receipt_says_a_consented_answer_will_be_published(client, intake_page, frozen):
    response = client.post(ask_url(intake_page), form_data(consent_to_publish="on"), follow=True)
    html = response.content.decode()
    assert "ZX20261125-0001" in html and "将在本网站公开" in html
    assert Question.objects.get().consent_to_publish


def test_references_count_up_per_day_and_skip_numbers_already_taken(client, intake_page, frozen):
    make_question(reference="ZX20261125-0001")  # e.g. imported from the old system
    client.post(ask_url(intake_page), form_data())
    client.post(ask_url(intake_page), form_data(title="第二个问题的标题"))
    references = sorted(Question.objects.values_list("reference", flat=True))
    assert references == ["ZX20261125-0001", "ZX20261125-0002", "ZX20261125-0003"]


def test_the_receipt_page_without_a_question_sends_back_to_the_form(client, intake_page):
    response = client.get(intake_page.url + intake_page.reverse_subpage("ask_done"))
    assert response.status_code == 302 and response["Location"].endswith("/nwwd/ask/")


def test_the_form_renders_with_captcha_and_csrf(client, intake_page):
    html = client.get(ask_url(intake_page)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="captcha_1"' in html and 'alt="验证码图片' in html
    assert "同意公开我的问题和答复" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "太短了"}, "标题应为5至50个字。"),
        ({"title": "长" * 51}, "标题应为5至50个字。"),
        ({"content": "内容太短"}, "问题内容应为10至1000个字"),
        ({"content": "长" * 1001}, "问题内容应为10至1000个字"),
        ({"phone": "138001"}, "请输入有效的电话号码"),
        ({"email": "not-an-email"}, "请输入有效的电子邮箱地址"),
        ({"name": ""}, "请填写姓名。"),
        ({"category": "unknown"}, "请选择列表中的咨询类别。"),
        ({"captcha_1": "WRONG"}, "验证码错误，请重新输入。"),
        ({"captcha_1": ""}, "请输入验证码。"),
    ],
)
def test_bad_input_stores_nothing_and_keeps_what_was_typed(client, intake_page, overrides, message):
    data = form_data(**overrides)
    response = client.post(ask_url(intake_page), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "提交未成功" in html
    assert not Question.objects.exists()
    for field in ("name", "title"):
        if data[field]:
            assert f'value="{data[field]}"' in html
    assert data["content"][:20] in html


def test_a_real_captcha_must_be_answered_correctly(client, intake_page, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", False)
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = client.post(ask_url(intake_page), form_data(captcha_0=key, captcha_1="wrong-answer"))
    assert "验证码错误，请重新输入。" in response.content.decode() and not Question.objects.exists()
    key = CaptchaStore.generate_key()
    answer = CaptchaStore.objects.get(hashkey=key).response
    response = client.post(ask_url(intake_page), form_data(captcha_0=key, captcha_1=answer.upper()))
    assert response.status_code == 302 and Question.objects.count() == 1


def test_markup_is_stored_as_text_and_escaped_when_shown_again(client, intake_page):
    response = client.post(ask_url(intake_page), form_data(title="<script>alert(1)</script>", phone="1"))
    html = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    client.post(ask_url(intake_page), form_data(title="<script>alert(1)</script>"))
    assert Question.objects.get().title == "<script>alert(1)</script>"


def test_a_post_without_the_csrf_token_is_refused(intake_page):
    response = Client(enforce_csrf_checks=True).post(ask_url(intake_page), form_data())
    assert response.status_code == 403
    assert not Question.objects.exists()


# Rules of the model


def test_names_are_masked_and_search_queries_made_safe():
    assert [mask_name("张三"), mask_name("欧阳娜娜"), mask_name("王"), mask_name(" ")] == [
        "张*",
        "欧***",
        "王*",
        "匿名",
    ]
    assert normalise_search_query("  调解\x00协议 ") == ("调解协议", "调解协议")
    assert normalise_search_query("？！%%") == ("？！%%", "")
    assert normalise_search_query(None) == ("", "")
    assert len(normalise_search_query("问" * 200)[0]) == 50


def test_clean_refuses_publication_without_consent_or_answer():
    question = make_question(consent_to_publish=False, status=QuestionStatus.ANSWERED, answer="答复。")
    question.is_published = True
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "提问人未同意公开" in str(error.value.message_dict["is_published"])
    question = make_question(consent_to_publish=True)
    question.is_published = True
    with pytest.raises(ValidationError) as error:
        question.full_clean()
    assert "尚未填写答复内容" in str(error.value.message_dict["is_published"])


def test_only_answered_consented_questions_count_as_published():
    visible = make_question(consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="答复。", is_published=True)
    make_question(consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="答复。")
    forced = make_question(consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="答复。", is_published=True)
    Question.objects.filter(pk=forced.pk).update(consent_to_publish=False)  # bypassing clean() changes nothing
    assert list(Question.objects.published()) == [visible]


# Staff answering in the admin


def test_the_admin_lists_filters_and_searches_questions(admin_client):
    first = make_question(title="关于物业纠纷的问题", category=QuestionCategory.POLICY)
    second = make_question(title="关于劳动争议的问题", status=QuestionStatus.DECLINED, decline_reason="重复提问。")
    html = admin_client.get(ADMIN_LIST).content.decode()
    assert first.reference in html and second.reference in html and "法规政策咨询" in html and "待答复" in html
    html = admin_client.get(ADMIN_LIST, {"status": "declined"}).content.decode()
    assert second.reference in html and first.reference not in html
    html = admin_client.get(ADMIN_LIST, {"category": "policy"}).content.decode()
    assert first.reference in html and second.reference not in html
    html = admin_client.get(ADMIN_LIST, {"q": second.reference}).content.decode()
    assert second.reference in html and first.reference not in html
    html = admin_client.get(ADMIN_LIST, {"q": "物业"}).content.decode()
    assert first.reference in html and second.reference not in html


def test_staff_find_questions_in_the_admin_menu_but_cannot_add_any(admin_client, home):
    assert ADMIN_LIST in admin_client.get("/admin/").content.decode()
    assert f"{ADMIN_LIST}add/" not in admin_client.get(ADMIN_LIST).content.decode()
    assert admin_client.get(f"{ADMIN_LIST}add/").status_code in (302, 403)
    assert not Question.objects.exists()


def test_the_edit_form_shows_the_asker_read_only(admin_client):
    question = make_question(email="lisi@example.com")
    html = admin_client.get(edit_url(question)).content.decode()
    assert "13800000000" in html and "lisi@example.com" in html and question.reference in html
    assert 'name="phone"' not in html and 'name="consent_to_publish"' not in html


def test_staff_answer_records_who_answered_and_when_and_publishes(admin_client, frozen):
    admin = get_user_model().objects.get(username="admin")
    question = make_question(consent_to_publish=True)
    response = admin_client.post(
        edit_url(question), admin_data(question, status="answered", answer="您好，答复如下。", is_published="on")
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answered_by == admin and question.answered_at == NOW
    assert question.is_published and question.published_at == NOW


def test_a_later_edit_by_someone_else_keeps_the_first_answerer(admin_client, client, frozen):
    admin = get_user_model().objects.get(username="admin")
    question = make_question(consent_to_publish=True)
    admin_client.post(edit_url(question), admin_data(question, status="answered", answer="第一次答复。"))
    question.refresh_from_db()
    other = get_user_model().objects.create_superuser("reviewer", "reviewer@example.com", "pass-word-123")
    client.force_login(other)
    response = client.post(edit_url(question), admin_data(question, answer="修改后的答复。"))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer == "修改后的答复。" and question.answered_by == admin


def test_publishing_without_consent_is_refused(admin_client):
    question = make_question(consent_to_publish=False)
    response = admin_client.post(
        edit_url(question),
        admin_data(question, status="answered", answer="答复内容。", is_published="on", consent_to_publish="on"),
    )
    assert response.status_code == 200
    assert "提问人未同意公开，此问题不能在网站公开。" in response.content.decode()
    question.refresh_from_db()
    assert not question.is_published and not question.consent_to_publish and question.answer == ""


def test_publishing_without_an_answer_is_refused(admin_client):
    question = make_question(consent_to_publish=True)
    response = admin_client.post(edit_url(question), admin_data(question, is_published="on"))
    assert response.status_code == 200
    assert "尚未填写答复内容，不能公开。" in response.content.decode()
    question.refresh_from_db()
    assert not question.is_published and question.answered_at is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"status": "answered", "answer": ""}, "办理状态为“已答复”时请填写答复内容。"),
        ({"status": "declined", "decline_reason": ""}, "不予答复时请填写理由。"),
        ({"status": "pending", "answer": "答复。", "is_published": "on"}, "只有办理状态为“已答复”的问题才能公开。"),
        ({"title": "短"}, "标题应为5至50个字。"),
    ],
)
def test_other_invalid_admin_edits_are_refused_in_chinese(admin_client, overrides, message):
    question = make_question(consent_to_publish=True)
    response = admin_client.post(edit_url(question), admin_data(question, **overrides))
    assert response.status_code == 200 and message in response.content.decode()
    question.refresh_from_db()
    assert question.status == QuestionStatus.PENDING and question.title == "这是一个测试问题"


def test_unpublishing_is_allowed(admin_client):
    question = make_question(
        consent_to_publish=True, status=QuestionStatus.ANSWERED, answer="答复。", is_published=True
    )
    assert question.published_at is not None
    data = admin_data(question)
    del data["is_published"]
    assert admin_client.post(edit_url(question), data).status_code == 302
    question.refresh_from_db()
    assert not question.is_published and question.published_at is None


@pytest.mark.parametrize("bad", ["\x00", "\u202e", "\x1b"])
@pytest.mark.parametrize("field", ["name", "phone", "email", "title", "content", "captcha_1"])
def test_control_characters_are_refused_in_chinese(client, intake_page, field, bad):
    data = form_data()
    data[field] = (data[field] or "a") + bad
    response = client.post(ask_url(intake_page), data)
    assert response.status_code == 200
    assert "不能包含控制字符。" in response.content.decode()
    assert not Question.objects.exists()
