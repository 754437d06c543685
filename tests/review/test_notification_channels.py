"""Review notices reach the unit's 企业微信/钉钉 robots and SMS mobile besides e-mail; errors reach the office's."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command

from review.models import PostPublicationCheck
from tests.portal.servers import WebhookServer
from tests.review.helpers import login, publish_item

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


class RecordingSmsProvider:
    sent = []

    def send(self, phone, text):
        self.sent.append((phone, text))


def at(day):
    return time_machine.travel(datetime(2026, 11, day, 10, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def sms(settings):
    settings.NOTIFY_SMS_PROVIDER = "tests.review.test_notification_channels.RecordingSmsProvider"
    RecordingSmsProvider.sent.clear()
    return RecordingSmsProvider.sent


def test_the_unit_hears_of_the_signature_request_and_the_publication_on_its_channels(
    client, people, sms, django_capture_on_commit_callbacks
):
    with WebhookServer() as robot:
        people.unit.dingtalk_webhook = robot.url
        people.unit.notify_mobile = "13800005678"
        people.unit.save()
        with at(23), django_capture_on_commit_callbacks(execute=True):
            page = publish_item(client, people)
    titles = [content.splitlines()[0] for content in robot.contents]
    assert titles == [f"【待签字】{page.title}", f"【信息已发布】{page.title}"]
    assert [(phone, text.splitlines()[0]) for phone, text in sms] == [("13800005678", title) for title in titles]


def test_the_overdue_reminder_goes_to_a_unit_that_has_only_a_robot(client, people):
    with at(23):
        page = publish_item(client, people)
    people.unit.members.update(email="")
    type(people.leader).objects.filter(unit_membership__unit=people.unit).update(email="")
    with WebhookServer() as robot:
        people.unit.wecom_webhook = robot.url
        people.unit.save()
        out = StringIO()
        with at(26):
            call_command("remind_overdue_checks", stdout=out)
    assert "已提醒 1 个单位" in out.getvalue()
    assert len(robot.contents) == 1 and "复查提醒" in robot.contents[0] and page.title in robot.contents[0]


def test_an_error_report_reaches_the_office_robot(client, people, settings, django_capture_on_commit_callbacks):
    with at(23):
        page = publish_item(client, people)
    check = PostPublicationCheck.objects.get(page=page)
    login(client, people.correspondent)
    with WebhookServer() as robot:
        settings.NOTIFY_OFFICE_WECOM_WEBHOOK = robot.url
        with at(24), django_capture_on_commit_callbacks(execute=True):
            client.post(f"/admin/review/checks/{check.pk}/error/", {"description": "作者姓名有误。"})
    assert [content.splitlines()[0] for content in robot.contents] == [
        f"【信息纠错】{people.unit.name}报告“{page.title}”有误"
    ]
