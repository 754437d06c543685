"""The whole review path in the admin: correspondent → unit leader's signature → office → automatic
check → final approval → published and the unit notified; and sending back with a comment."""

import json
from datetime import UTC, date, datetime
from smtplib import SMTPException

import pytest
import time_machine

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from wagtail.models import TaskState, WorkflowState

from review.models import CheckReport, PostPublicationCheck, SensitiveWord, Signature
from tests.review.helpers import (
    PASSWORD,
    XHR,
    action_url,
    approve,
    check,
    current_task_state,
    item_data,
    login,
    review_action_url,
    sign,
    submit_item,
    through_check,
)

pytestmark = pytest.mark.django_db


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("mail server down")


def test_leader_signs_with_password(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    login(client, people.leader)
    modal = json.loads(client.get(action_url(page, "approve", task_state), **XHR).content)
    assert "登录密码" in modal["html"]
    assert f"/admin/review/workflow/{page.pk}/approve/{task_state.pk}/" in modal["html"]

    response = sign(client, people, page, comment="同意。")
    assert json.loads(response.content)["step"] == "success"
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED and task_state.finished_by == people.leader
    signature = Signature.objects.get(task_state=task_state)
    assert signature.signer == people.leader and signature.comment == "同意。"
    assert signature.signer_name == "测试市公安局领导"
    assert current_task_state(page).task.name == "录入前再审（办公室）"


def test_wrong_password_is_refused_and_nothing_recorded(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    response = sign(client, people, page, password="wrong-password")
    body = json.loads(response.content)
    assert body["step"] == "action" and "密码不正确" in body["html"]
    # Wagtail's own action view cannot take a signature without the password check either
    task_state = current_task_state(page)
    client.post(action_url(page, "approve", task_state), {"comment": "", "password": PASSWORD})
    assert current_task_state(page).pk == task_state.pk
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert not Signature.objects.exists()


def test_only_the_units_leaders_can_sign(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    for user in (people.other_leader, people.correspondent, people.office):
        login(client, user)
        response = client.post(review_action_url(page, "approve", task_state), {"password": PASSWORD})
        assert response.status_code in (302, 403)  # the admin turns PermissionDenied into a redirect
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_leader_sees_the_item_to_sign_on_the_dashboard(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    login(client, people.other_leader)
    assert page.title not in client.get("/admin/").content.decode()
    login(client, people.leader)
    assert page.title in client.get("/admin/").content.decode()


def test_blocking_finding_needs_an_override_reason(client, people):
    SensitiveWord.objects.create(word="进社区", level="blocking")
    page = submit_item(client, people.correspondent, people.news_column)
    sign(client, people, page)
    approve(client, people.office, page)
    task_state = current_task_state(page)
    assert task_state.task.name == "录入后检查"

    login(client, people.checker)
    modal = json.loads(client.get(action_url(page, "approve", task_state), **XHR).content)["html"]
    assert "含有禁用词“进社区”" in modal and "必须处理" in modal

    body = json.loads(check(client, people, page).content)
    assert body["step"] == "action" and "写明放行理由" in body["html"]
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    assert not CheckReport.objects.exists()

    body = json.loads(check(client, people, page, override_reason="“进社区”为活动名称，经核实可用。").content)
    assert body["step"] == "success"
    report = CheckReport.objects.get()
    assert report.checked_by == people.checker
    assert report.override_reason == "“进社区”为活动名称，经核实可用。"
    messages = [finding["message"] for finding in report.findings]
    assert "标题含有禁用词“进社区”。" in messages and "正文含有禁用词“进社区”。" in messages
    assert current_task_state(page).task.name == "终审（分管领导）"


def test_final_approval_publishes_and_notifies_the_unit(client, people, django_capture_on_commit_callbacks):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, people.final, page, comment="同意发布。")
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED
    post_check = PostPublicationCheck.objects.get(page=page)
    assert post_check.unit == people.unit and post_check.status == "pending"
    notices = [message for message in mail.outbox if message.subject.startswith("【信息已发布】")]
    assert len(notices) == 1
    assert set(notices[0].to) == {"xxy_a@example.gov.cn", "ld_a@example.gov.cn"}
    assert page.title in notices[0].subject and "复查" in notices[0].body


def test_failing_email_does_not_undo_publication(client, people, settings, django_capture_on_commit_callbacks):
    page = submit_item(client, people.correspondent, people.news_column)
    through_check(client, people, page)
    settings.EMAIL_BACKEND = "tests.review.test_workflow.FailingEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = approve(client, people.final, page)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert PostPublicationCheck.objects.filter(page=page).exists()


def test_scheduled_item_is_published_at_its_go_live_time(client, people):
    page = submit_item(client, people.correspondent, people.news_column, go_live_at="2099-01-01 08:00")
    through_check(client, people, page)
    approve(client, people.final, page)
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None
    assert not PostPublicationCheck.objects.exists()
    with time_machine.travel(datetime(2099, 1, 1, 9, 0, tzinfo=UTC), tick=False):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert PostPublicationCheck.objects.get(page=page).due_date == date(2099, 1, 5)


def test_reviewer_sends_back_with_a_comment_the_correspondent_sees(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    sign(client, people, page)
    login(client, people.office)
    task_state = current_task_state(page)
    client.post(action_url(page, "reject", task_state), {"comment": ""})
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS  # a comment is required

    client.post(action_url(page, "reject", task_state), {"comment": "请补充活动时间和地点。"})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES

    login(client, people.correspondent)
    dashboard = client.get("/admin/").content.decode()
    assert "请补充活动时间和地点。" in dashboard and "录入前再审（办公室）" in dashboard
    trail = client.get(f"/admin/review/trail/{page.pk}/").content.decode()
    assert "请补充活动时间和地点。" in trail and "退回修改" in trail

    login(client, people.other_correspondent)
    assert "请补充活动时间和地点。" not in client.get("/admin/").content.decode()


def test_unit_leaders_are_asked_by_email_to_sign(client, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = submit_item(client, people.correspondent, people.news_column)
    requests = [message for message in mail.outbox if message.subject.startswith("【待签字】")]
    assert len(requests) == 1 and requests[0].to == ["ld_a@example.gov.cn"]
    assert f"/admin/pages/{page.pk}/edit/" in requests[0].body


def test_final_leader_cannot_publish_outside_the_workflow(client, people):
    from columns.plugins.news.models import NewsPage

    draft = people.news_column.add_child(instance=NewsPage(title="办公室草稿", slug="fzxc", live=False))
    draft.save_revision()
    login(client, people.final)
    response = client.post(f"/admin/pages/{draft.pk}/edit/", item_data(action="action-publish"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert not draft.live


def test_leader_signs_from_the_page_editor(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    login(client, people.leader)
    collect_url = f"/admin/pages/workflow/collect_action_data/{page.pk}/approve/{task_state.pk}/"
    modal = json.loads(client.get(collect_url, **XHR).content)["html"]
    assert 'name="collect"' in modal

    url = review_action_url(page, "approve", task_state)
    wrong = json.loads(client.post(url, {"collect": "1", "password": "nope"}, **XHR).content)
    assert wrong["step"] == "action" and "密码不正确" in wrong["html"]
    right = json.loads(client.post(url, {"collect": "1", "password": PASSWORD, "comment": "同意"}, **XHR).content)
    assert right["step"] == "success" and right["cleaned_data"]["comment"] == "同意"
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS  # nothing done yet

    def edit_and_sign(password):
        data = item_data(action=None)
        data.update(
            {
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps({"comment": "同意", "password": password}),
            }
        )
        return client.post(f"/admin/pages/{page.pk}/edit/", data)

    edit_and_sign("forged")
    assert not Signature.objects.exists()
    assert current_task_state(page).task.name.startswith("报前初审")
    edit_and_sign(PASSWORD)
    assert Signature.objects.get().comment == "同意"
    assert current_task_state(page).task.name == "录入前再审（办公室）"


def test_signature_password_never_leaves_the_server(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    login(client, people.leader)
    url = review_action_url(page, "approve", task_state)
    wrong_password = "Wrong-Secret-9137"
    for data in ({"password": wrong_password}, {"collect": "1", "password": wrong_password}):
        failed = client.post(url, data, **XHR)
        assert json.loads(failed.content)["step"] == "action"
        assert wrong_password not in failed.content.decode()
    collected = client.post(url, {"collect": "1", "password": PASSWORD, "comment": "同意"}, **XHR)
    cleaned_data = json.loads(collected.content)["cleaned_data"]
    assert PASSWORD not in collected.content.decode() and "password" not in cleaned_data
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS

    # the editor posts back what the modal collected: the one-time signature token stands for the password
    def edit_and_sign(extra_data):
        data = item_data(action=None)
        data.update(
            {
                "action-workflow-action": "true",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps(extra_data),
            }
        )
        return client.post(f"/admin/pages/{page.pk}/edit/", data, follow=True)

    edit_and_sign(dict(cleaned_data, signature_token=cleaned_data["signature_token"][:-2] + "xx"))
    assert not Signature.objects.exists()
    edited = edit_and_sign(cleaned_data)
    assert PASSWORD not in edited.content.decode()
    assert Signature.objects.get(task_state=task_state).comment == "同意"


def test_signed_directly_the_password_is_not_echoed(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    login(client, people.leader)
    response = client.post(review_action_url(page, "approve", task_state), {"password": PASSWORD}, **XHR)
    assert json.loads(response.content)["step"] == "success"
    assert PASSWORD not in response.content.decode()
    assert Signature.objects.filter(task_state=task_state).exists()


def test_final_leader_cannot_bulk_publish(client, people):
    from columns.plugins.news.models import NewsPage

    draft = people.news_column.add_child(instance=NewsPage(title="办公室草稿", slug="bgs", live=False))
    draft.save_revision()
    login(client, people.final)
    url = f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}"
    assert client.get(url).status_code == 200
    client.post(url, {})
    draft.refresh_from_db()
    assert not draft.live
