"""What is approved is what goes live: a change after a step restarts the review from the leader's
signature, the final approval publishes exactly the approved revision, the 审批单 shows each step's
revision and what changed; separation of duties and the signature password lockout."""

import json
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from django.core.cache import cache

from wagtail.models import PageLogEntry, TaskState, WorkflowState
from wagtail.test.utils.form_data import rich_text, streamfield

from review.models import CheckReport, SensitiveWord, Signature
from tests.review.helpers import (
    PASSWORD,
    action_url,
    approve,
    check,
    current_task_state,
    item_data,
    login,
    sign,
    submit_item,
    through_check,
)

pytestmark = pytest.mark.django_db

FORBIDDEN = "<p>近日，市公安局民警走进社区开展反诈宣传，并介绍翻墙软件。</p>"


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def forbidden_word():
    return SensitiveWord.objects.create(word="翻墙", level="blocking")


def edit(client, user, page, action=None, body=None, **extra):
    """``user`` posts the item's edit form; ``body`` replaces the body text."""
    login(client, user)
    overrides = {"body": streamfield([("paragraph", rich_text(body))])} if body else {}
    data = item_data(action=action, **overrides)
    data.update(extra)
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def task_name(page):
    return current_task_state(page).task.name


def test_change_after_the_check_is_not_approved_at_the_final_step(client, people, forbidden_word):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    final_state = current_task_state(page)
    # An edit that reaches the page outside the editor's hooks (the API, a script)
    draft = page.get_latest_revision_as_object()
    draft.title = "公安局开展反诈宣传进社区活动（翻墙）"
    draft.save_revision(user=people.final)

    approve(client, people.final, page, comment="同意发布。")
    page.refresh_from_db()
    assert not page.live and page.live_revision is None
    final_state.refresh_from_db()
    assert final_state.status == TaskState.STATUS_CANCELLED
    assert "原签字和检查已失效" in final_state.comment and "翻墙" in final_state.comment
    assert task_name(page).startswith("报前初审")
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1


def test_checkers_edit_sends_the_item_back_to_the_signature(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    sign(client, people, page)
    approve(client, people.office, page)
    assert task_name(page) == "录入后检查"
    response = edit(client, people.checker, page, body="<p>改过的正文。</p>")
    assert response.status_code == 302
    assert task_name(page).startswith("报前初审")
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("原签字和检查已失效" in message and "重新签字" in message for message in messages)


def test_final_approvers_own_edit_is_rechecked_and_needs_a_new_signature(client, people, forbidden_word):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    task_state = current_task_state(page)
    # The final approver edits in the editor and approves in the same step
    response = edit(
        client,
        people.final,
        page,
        body=FORBIDDEN,
        **{"action-workflow-action": "true", "workflow-action-name": "approve", "workflow-action-extra-data": "{}"},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_CANCELLED and "翻墙" in task_state.comment
    assert task_name(page).startswith("报前初审")

    # Signed again, the automatic check now finds the word in the revision that would go live
    assert json.loads(sign(client, people, page).content)["step"] == "success"
    assert Signature.objects.latest("pk").revision_id == page.get_latest_revision().pk
    approve(client, people.office, page)
    body = json.loads(check(client, people, page).content)
    assert body["step"] == "action" and "写明放行理由" in body["html"]


def test_resubmission_with_changes_needs_the_leaders_signature_again(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    login(client, people.final)
    client.post(action_url(page, "reject", current_task_state(page)), {"comment": "请补充活动地点。"})
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES

    edit(client, people.correspondent, page, action="action-submit", body="<p>近日，市公安局民警走进阳光社区。</p>")
    assert task_name(page).startswith("报前初审")
    signatures = Signature.objects.count()
    assert json.loads(sign(client, people, page).content)["step"] == "success"
    assert Signature.objects.count() == signatures + 1


def test_a_save_without_change_does_not_invalidate(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    login(client, people.final)
    client.post(action_url(page, "reject", current_task_state(page)), {"comment": "请再确认一遍。"})
    edit(client, people.correspondent, page, action="action-submit")  # resubmitted unchanged
    page.refresh_from_db()
    assert page.latest_revision_id != Signature.objects.get().revision_id  # a new revision, the same content
    assert task_name(page) == "终审（分管领导）"
    approve(client, people.final, page)
    page.refresh_from_db()
    assert page.live


def test_the_published_revision_is_the_approved_one(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    final_state = current_task_state(page)
    approve(client, people.final, page)
    page.refresh_from_db()
    final_state.refresh_from_db()
    assert page.live and page.live_revision_id == final_state.revision_id
    assert Signature.objects.get().revision_id == final_state.revision_id
    assert CheckReport.objects.get().revision_id == final_state.revision_id


def test_trail_shows_each_steps_revision_and_what_changed(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    # The leader corrects the text before signing it
    assert (
        edit(client, people.leader, page, body="<p>近日，市公安局民警走进阳光社区开展反诈宣传。</p>").status_code == 302
    )
    through_check(client, people, page)
    approve(client, people.final, page)
    page.refresh_from_db()
    assert page.live

    login(client, people.correspondent)
    html = client.get(f"/admin/review/trail/{page.pk}/").content.decode()
    assert f"第{page.live_revision_id}号版本" in html
    assert "与上一步相比的改动" in html and "正文" in html
    assert "+ 近日，市公安局民警走进阳光社区开展反诈宣传。" in html
    assert "- 近日，市公安局民警走进社区开展反诈宣传。" in html
    assert client.get(f"/admin/review/trail/{page.pk}/pdf/").status_code == 200


def test_submitter_cannot_approve_a_later_step(client, people):
    page = submit_item(client, people.office, people.news_column)  # the office's own item: no signature
    task_state = current_task_state(page)
    assert task_state.task.name == "录入前再审（办公室）"
    login(client, people.office)
    response = client.post(action_url(page, "approve", task_state), {})
    assert response.status_code in (302, 403)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS


def test_submitter_may_approve_when_their_group_is_an_exception(client, people, settings):
    settings.REVIEW_SELF_APPROVAL_GROUPS = ["办公室审核员"]
    page = submit_item(client, people.office, people.news_column)
    task_state = current_task_state(page)
    approve(client, people.office, page)
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED


def test_signature_locks_after_repeated_wrong_passwords(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    with time_machine.travel(datetime(2026, 11, 20, 1, 0, tzinfo=UTC), tick=False) as traveller:
        for _ in range(4):
            assert "密码不正确" in json.loads(sign(client, people, page, password="wrong").content)["html"]
        locked = json.loads(sign(client, people, page, password="wrong").content)
        assert "签字已锁定15分钟" in locked["html"]
        # Even the right password is refused while locked
        body = json.loads(sign(client, people, page, password=PASSWORD).content)
        assert body["step"] == "action" and "签字已锁定" in body["html"]
        assert not Signature.objects.exists()
        assert PageLogEntry.objects.filter(page=page, action="review.sign.locked", user=people.leader).exists()

        traveller.shift(timedelta(minutes=16))
        assert json.loads(sign(client, people, page, password=PASSWORD).content)["step"] == "success"
    assert Signature.objects.get().signer == people.leader
