"""Notices through the outbox: group robots, SMS, retries, the deliver_outbox command, the failed-notices report."""

import base64
import hashlib
import hmac
import logging
from datetime import datetime, timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core import mail
from django.core.management import call_command
from django.db import transaction

from portal.mail import Target, office_targets, send_after_commit, send_now
from portal.notify.models import OutboxMessage, OutboxStatus
from tests.portal.factories import UserFactory
from tests.portal.test_configuration import manage

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 25, 10, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
FAILED_URL = "/admin/reports/failed-notices/"


class RecordingSmsProvider:
    sent = []

    def send(self, phone, text):
        self.sent.append((phone, text))


class BrokenSmsProvider:
    def send(self, phone, text):
        raise ConnectionError("gateway down")


def deliver_outbox(*args):
    out = StringIO()
    call_command("deliver_outbox", *args, stdout=out, stderr=out)
    return out.getvalue()


# Group robots


def test_a_wecom_robot_gets_the_notice_as_a_json_text_message(robot):
    assert send_now("【信息已发布】标题", "正文第一行", [], [Target("wecom", robot.url)]) is True
    [request] = robot.requests
    assert request["path"] == "/cgi-bin/webhook/send?key=robot-token"
    assert request["headers"]["Content-Type"].startswith("application/json")
    assert request["json"] == {"msgtype": "text", "text": {"content": "【信息已发布】标题\n正文第一行"}}
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.SENT and message.attempts == 1 and message.sent_at is not None


def test_a_robot_that_fails_is_retried_later_and_then_delivers(robot, django_capture_on_commit_callbacks):
    robot.replies = [(500, {"errmsg": "busy"})]
    with time_machine.travel(NOW, tick=False):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            send_after_commit("主题", "正文", [], [Target("wecom", robot.url)])
        message = OutboxMessage.objects.get()
        assert message.status == OutboxStatus.PENDING and message.attempts == 1 and "500" in message.last_error
        assert message.next_attempt_at == NOW + timedelta(seconds=60)
        assert deliver_outbox() == "没有到期的待发通知。\n"
    with time_machine.travel(NOW + timedelta(seconds=61), tick=False):
        assert deliver_outbox() == "已发送 1 条，0 条等待重试，0 条发送失败。\n"
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.attempts == 2
    assert len(robot.requests) == 2


def test_a_nonzero_errcode_is_a_failure_and_the_delay_doubles(robot, settings):
    robot.replies = [(200, {"errcode": 93000, "errmsg": "invalid webhook url"})] * 2
    with time_machine.travel(NOW, tick=False):
        assert send_now("主题", "正文", [], [Target("wecom", robot.url)]) is False
    message = OutboxMessage.objects.get()
    assert "93000" in message.last_error and message.status == OutboxStatus.PENDING
    with time_machine.travel(NOW + timedelta(seconds=61), tick=False):
        deliver_outbox()
    message.refresh_from_db()
    assert message.attempts == 2 and message.next_attempt_at == NOW + timedelta(seconds=61 + 120)


def test_dingtalk_with_a_secret_signs_each_request_as_dingtalk_documents(robot, settings):
    settings.NOTIFY_OFFICE_DINGTALK_WEBHOOK = f"http://{robot.host}/robot/send?access_token=abc123"
    settings.NOTIFY_OFFICE_DINGTALK_SECRET = "SEC0123456789"
    with time_machine.travel(NOW, tick=False):
        assert send_now("主题", "正文", [], office_targets()) is True
    [request] = robot.requests
    query = parse_qs(urlsplit(request["path"]).query)
    timestamp = str(int(NOW.timestamp() * 1000))
    expected = base64.b64encode(
        hmac.new(b"SEC0123456789", f"{timestamp}\nSEC0123456789".encode(), hashlib.sha256).digest()
    ).decode()
    assert query == {"access_token": ["abc123"], "timestamp": [timestamp], "sign": [expected]}
    assert request["json"] == {"msgtype": "text", "text": {"content": "主题\n正文"}}


def test_a_robot_that_cannot_be_reached_is_recorded_and_not_raised(settings, caplog):
    settings.NOTIFY_WEBHOOK_TIMEOUT = 1
    with caplog.at_level(logging.ERROR, logger="portal.notify.channels"):
        assert send_now("主题", "正文", [], [Target("wecom", "http://127.0.0.1:9/send?key=secret-token")]) is False
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.PENDING and message.last_error.startswith("DeliveryError: 企业微信")
    assert "could not be sent (attempt 1 of 6)" in caplog.text and "secret-token" not in caplog.text


# SMS


def test_sms_goes_through_the_configured_provider(settings):
    settings.NOTIFY_SMS_PROVIDER = "tests.portal.test_notify.RecordingSmsProvider"
    settings.NOTIFY_OFFICE_SMS_PHONES = ["13800001111", "13900002222"]
    RecordingSmsProvider.sent.clear()
    assert send_now("【待签字】标题", "请登录签字。", [], office_targets()) is True
    assert sorted(RecordingSmsProvider.sent) == [
        ("13800001111", "【待签字】标题\n请登录签字。"),
        ("13900002222", "【待签字】标题\n请登录签字。"),
    ]


def test_the_development_provider_writes_the_sms_to_the_log(settings, caplog):
    settings.NOTIFY_OFFICE_SMS_PHONES = ["13800001111"]
    with caplog.at_level(logging.INFO, logger="portal.notify.channels"):
        assert send_now("主题", "正文", [], office_targets()) is True
    assert "SMS to 13800001111: 主题" in caplog.text


def test_a_failing_sms_gateway_is_recorded_for_a_retry(settings):
    settings.NOTIFY_SMS_PROVIDER = "tests.portal.test_notify.BrokenSmsProvider"
    assert send_now("主题", "正文", [], [Target("sms", "13800001111")]) is False
    message = OutboxMessage.objects.get()
    assert message.last_error == "ConnectionError: gateway down" and message.status == OutboxStatus.PENDING


# One notice, every channel


def test_one_notice_makes_one_row_per_channel_and_a_rolled_back_change_none(
    robot, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_OFFICE_WECOM_WEBHOOK = robot.url
    settings.NOTIFY_OFFICE_SMS_PHONES = ["13800001111"]
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        send_after_commit("主题", "正文", ["a@example.com"], office_targets())
        raise RuntimeError("rolled back")
    assert not OutboxMessage.objects.exists() and not robot.requests and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit("主题", "正文", ["b@example.com", "a@example.com"], office_targets())
    assert sorted(OutboxMessage.objects.values_list("channel", "recipient", "status")) == [
        ("email", "a@example.com, b@example.com", "sent"),
        ("sms", "13800001111", "sent"),
        ("wecom", robot.url, "sent"),
    ]
    assert [message.to for message in mail.outbox] == [["a@example.com", "b@example.com"]]
    assert robot.contents == ["主题\n正文"]


# Giving up, the report, retrying what gave up


def test_a_notice_gives_up_after_the_maximum_attempts_and_is_listed_for_the_office(client, robot, settings):
    settings.NOTIFY_MAX_ATTEMPTS = 2
    robot.replies = [(500, {})] * 2
    with time_machine.travel(NOW, tick=False):
        send_now("【信息纠错】某单位报告有误", "正文", [], [Target("wecom", robot.url)])
    with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
        assert deliver_outbox() == "已发送 0 条，0 条等待重试，1 条发送失败。\n"
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.FAILED and message.attempts == 2
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        assert deliver_outbox() == "没有到期的待发通知。\n"  # given up: not retried by itself

    client.force_login(UserFactory(superuser=True))
    html = client.get(FAILED_URL).content.decode()
    assert "发送失败的通知" in html and "【信息纠错】某单位报告有误" in html and "企业微信群机器人" in html
    assert robot.host in html and "robot-token" not in html  # the robot's access token stays hidden
    assert "HTTP Error 500" in html
    assert FAILED_URL in client.get("/admin/").content.decode()  # in the 报表 menu

    assert (
        deliver_outbox("--retry-failed") == "重新发送 1 条已放弃的通知。\n已发送 1 条，0 条等待重试，0 条发送失败。\n"
    )
    assert "【信息纠错】某单位报告有误" not in client.get(FAILED_URL).content.decode()


def test_only_those_allowed_to_view_the_outbox_see_the_failed_notices(client):
    OutboxMessage.objects.create(channel="email", recipient="a@example.com", subject="机密主题", status="failed")
    client.force_login(UserFactory(permissions=["access_admin"]))
    response = client.get(FAILED_URL)
    assert response.status_code in (302, 403) and "机密主题" not in response.content.decode()
    assert FAILED_URL not in client.get("/admin/").content.decode()
    client.force_login(UserFactory(permissions=["access_admin", "view_outboxmessage"]))
    assert "机密主题" in client.get(FAILED_URL).content.decode()


def test_the_command_refuses_a_limit_below_one_and_sends_nothing(robot):
    OutboxMessage.objects.create(channel="wecom", recipient=robot.url, subject="主题")
    assert deliver_outbox("--limit", "0") == "--limit 必须是正整数。\n"
    assert not robot.requests and OutboxMessage.objects.get().status == OutboxStatus.PENDING


def test_a_row_left_sending_by_a_dead_worker_is_sent_again_after_its_lease(robot):
    with time_machine.travel(NOW, tick=False):
        OutboxMessage.objects.create(
            channel="wecom", recipient=robot.url, subject="主题", status="sending", next_attempt_at=NOW
        )
        OutboxMessage.objects.update(next_attempt_at=NOW + timedelta(minutes=10))
        assert deliver_outbox() == "没有到期的待发通知。\n"
    with time_machine.travel(NOW + timedelta(minutes=11), tick=False):
        assert deliver_outbox() == "已发送 1 条，0 条等待重试，0 条发送失败。\n"


# The database task backend


@pytest.mark.django_db(transaction=True)  # the worker closes its database connection after each task
def test_with_the_database_backend_the_worker_delivers_and_reschedules_retries(robot, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    robot.replies = [(500, {})]
    with transaction.atomic():
        send_after_commit("主题", "正文", ["a@example.com"], [Target("wecom", robot.url)])
    assert not mail.outbox and not robot.requests  # queued for the worker, nothing sent in the request
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 1 and len(robot.requests) == 1
    failed = OutboxMessage.objects.get(channel="wecom")
    assert failed.status == OutboxStatus.PENDING
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after == failed.next_attempt_at


def test_an_unknown_task_backend_stops_start_up_with_one_line():
    result = manage("check", env={"PORTAL_TASKS_BACKEND": "celery"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "portal: configuration error: PORTAL_TASKS_BACKEND='celery' is not one of immediate, database"
    )
