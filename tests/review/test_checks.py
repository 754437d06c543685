"""录入后检查: the automatic findings the checker sees in the admin, and the editable word lists."""

import json
from datetime import timedelta

import pytest
import wagtail_factories

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.models import Workflow

from columns.plugins.news.models import NewsPage
from review.models import SensitiveWord, TermCorrection
from tests.review.helpers import XHR, action_url, approve, check, current_task_state, login, sign

pytestmark = pytest.mark.django_db


def at_check_step(client, people, **fields):
    """An item of unit A, written with ``fields``, signed and re-reviewed, waiting at 录入后检查."""
    values = {"title": "反诈宣传进社区", "slug": "jc", "owner": people.correspondent}
    values.update(fields)
    page = people.news_column.add_child(instance=NewsPage(live=False, **values))
    page.save_revision(user=people.correspondent)
    Workflow.objects.get(name="信息报送审核流程").start(page, people.correspondent)
    sign(client, people, page)
    approve(client, people.office, page)
    assert current_task_state(page).task.name == "录入后检查"
    return page


def findings_modal(client, people, page):
    login(client, people.checker)
    response = client.get(action_url(page, "approve", current_task_state(page)), **XHR)
    return json.loads(response.content)["html"]


def paragraph(html):
    return [("paragraph", html)]


def test_clean_item_has_no_findings(client, people):
    page = at_check_step(client, people, body=paragraph("<p>近日，市公安局开展反诈宣传。</p>"))
    assert "未发现问题" in findings_modal(client, people, page)
    assert json.loads(check(client, people, page).content)["step"] == "success"


def test_word_lists_are_editable_in_the_admin(admin_client, home):
    response = admin_client.post("/admin/snippets/review/sensitiveword/add/", {"word": "内部资料", "level": "blocking"})
    assert response.status_code == 302
    response = admin_client.post(
        "/admin/snippets/review/termcorrection/add/",
        {"wrong": "综治办", "right": "平安办", "level": "warning", "note": "机构改革后名称"},
    )
    assert response.status_code == 302
    assert SensitiveWord.objects.get().word == "内部资料"
    assert str(TermCorrection.objects.get()) == "综治办 → 平安办"


def test_words_and_wrong_terms(client, people):
    SensitiveWord.objects.create(word="小道消息", level="warning")
    TermCorrection.objects.create(wrong="人民法院院长", right="人民法院院长", level="warning")
    TermCorrection.objects.create(wrong="公安厅长", right="公安厅厅长", level="blocking")
    page = at_check_step(client, people, summary="据小道消息", body=paragraph("<p>省公安厅长出席。</p>"))
    modal = findings_modal(client, people, page)
    assert "摘要含有敏感词“小道消息”。" in modal
    assert "正文中的“公安厅长”应为“公安厅厅长”。" in modal


def test_broken_internal_links(client, people):
    draft = people.news_column.add_child(instance=NewsPage(title="未发布的稿件", slug="wfb", live=False))
    body = paragraph(
        f'<p><a linktype="page" id="{draft.pk}">草稿</a>和<a linktype="page" id="999999">旧页</a>'
        f'和<a linktype="document" id="999999">旧文件</a></p>'
    )
    page = at_check_step(client, people, body=body)
    modal = findings_modal(client, people, page)
    assert "正文链接指向的页面“未发布的稿件”未发布。" in modal
    assert "正文链接指向的页面已被删除。" in modal
    assert "正文链接指向的文件已被删除。" in modal
    assert "写明放行理由" in json.loads(check(client, people, page).content)["html"]


def test_images_without_alt_text(client, people):
    described = wagtail_factories.ImageFactory(title="有描述的图片", description="民警讲解反诈知识")
    bare = wagtail_factories.ImageFactory(title="无描述的图片")
    body = [
        ("figure", {"image": described, "alt_text": "", "caption": ""}),
        ("figure", {"image": bare, "alt_text": "", "caption": ""}),
        ("paragraph", f'<embed embedtype="image" id="{bare.pk}" format="fullwidth" alt=""/>'),
    ]
    page = at_check_step(client, people, body=body)
    modal = findings_modal(client, people, page)
    assert "图片“无描述的图片”没有替代文字。" in modal
    assert "有描述的图片" not in modal
    assert "正文中的图片没有替代文字。" in modal


def test_empty_attachment(client, people):
    empty = Document.objects.create(title="空白附件", file=ContentFile(b"", name="empty.pdf"))
    full = Document.objects.create(title="活动方案", file=ContentFile(b"%PDF-1.4 content", name="plan.pdf"))
    page = at_check_step(
        client,
        people,
        attachments=[("attachment", {"document": empty, "title": ""}), ("attachment", {"document": full, "title": ""})],
    )
    modal = findings_modal(client, people, page)
    assert "附件“空白附件”是空文件或已丢失。" in modal
    assert "活动方案" not in modal


def test_long_title_and_dates(client, people, settings):
    settings.REVIEW_TITLE_MAX_LENGTH = 10
    page = at_check_step(
        client, people, title="这是一个超过十个字的很长的标题", publish_date=timezone.now() + timedelta(days=3)
    )
    modal = findings_modal(client, people, page)
    assert "标题有15个字，超过10个字。" in modal
    assert "晚于当前时间" in modal

    old = at_check_step(client, people, slug="old", publish_date=timezone.now() - timedelta(days=800))
    assert "早于365天前" in findings_modal(client, people, old)
