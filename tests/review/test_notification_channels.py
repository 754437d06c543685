"""Review notices reach the unit's 企业微信/钉钉 robots and SMS mobile besides e-mail; errors reach the office's."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command

from review.models import PostPublicationCheck, ReportingUnit
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


UNIT_FORM = {
    "name": "通知测试单位",
    "category": "other",
    "sort_order": "100",
    "handles_letters": "on",
    "members-TOTAL_FORMS": "0",
    "members-INITIAL_FORMS": "0",
    "members-MIN_NUM_FORMS": "0",
    "members-MAX_NUM_FORMS": "1000",
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("notify_mobile", "12345678901", "请输入11位手机号码。"),
        ("wecom_webhook", "ftp://robot.example/send", "输入一个有效的 URL。"),
    ],
)
def test_the_unit_form_refuses_a_bad_channel_and_stores_nothing(admin_client, home, field, value, message):
    response = admin_client.post("/admin/snippets/review/reportingunit/add/", {**UNIT_FORM, field: value})
    assert response.status_code == 200 and message in response.content.decode()
    assert not ReportingUnit.objects.filter(name="通知测试单位").exists()


def test_the_unit_form_stores_the_channels(admin_client, home):
    channels = {
        "wecom_webhook": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1",
        "dingtalk_webhook": "https://oapi.dingtalk.com/robot/send?access_token=t1",
        "dingtalk_secret": "SEC123",
        "notify_mobile": "13800005678",
    }
    response = admin_client.post("/admin/snippets/review/reportingunit/add/", {**UNIT_FORM, **channels})
    assert response.status_code == 302
    unit = ReportingUnit.objects.get(name="通知测试单位")
    assert [(t.channel, t.address, t.secret) for t in unit.notification_targets()] == [
        ("wecom", channels["wecom_webhook"], ""),
        ("dingtalk", channels["dingtalk_webhook"], "SEC123"),
        ("sms", "13800005678", ""),
    ]
