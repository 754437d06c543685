"""书记信箱 notices through the outbox: a mail server that never answers, the unit's and the office's channels."""

import time
from datetime import timedelta
from io import StringIO

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command

from mailbox import workflow
from mailbox.models import Letter
from portal.notify.models import OutboxMessage, OutboxStatus
from tests.mailbox.helpers import WRITE_URL, letter_data, make_letter, receipt_of
from tests.portal.servers import SilentSmtpServer, WebhookServer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site(home):
    return home


class RecordingSmsProvider:
    sent = []

    def send(self, phone, text):
        self.sent.append((phone, text))


def test_a_mail_server_that_never_answers_neither_holds_the_letter_nor_loses_the_receipt(
    client, office, settings, django_capture_on_commit_callbacks
):
    with SilentSmtpServer() as smtp:
        smtp.configure(settings, timeout=1)
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(WRITE_URL, letter_data(client, email="wang@example.com"))
        elapsed = time.monotonic() - started
    assert response.status_code == 302 and response["Location"] == "/mailbox/write/done/"
    assert elapsed < 10  # one EMAIL_TIMEOUT, far from the 30 s that got the worker killed
    number, code = receipt_of(client.get(response["Location"]))
    assert Letter.objects.get().number == number and len(code) == 10

    writer, staff = OutboxMessage.objects.order_by("pk")
    assert writer.recipient == "wang@example.com" and staff.recipient == office.email
    assert writer.status == staff.status == OutboxStatus.PENDING
    assert writer.attempts == 1 and "timed out" in writer.last_error
    assert staff.attempts == 0  # the same silent server is not waited for twice in one request

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the mail server is back
    out = StringIO()
    with time_machine.travel(timedelta(minutes=5)):
        call_command("deliver_outbox", stdout=out)
    assert out.getvalue() == "已发送 2 条，0 条等待重试，0 条发送失败。\n"
    assert sorted(message.to[0] for message in mail.outbox) == sorted(["wang@example.com", office.email])
    assert code not in "".join(message.body for message in mail.outbox)


def test_a_forwarded_letter_reaches_the_units_robots_and_mobile_but_the_writer_only_by_email(
    office, unit, unit_staff, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_SMS_PROVIDER = "tests.mailbox.test_notification_channels.RecordingSmsProvider"
    RecordingSmsProvider.sent.clear()
    with WebhookServer() as wecom, WebhookServer() as dingtalk:
        unit.wecom_webhook = wecom.url
        unit.dingtalk_webhook = dingtalk.url
        unit.notify_mobile = "13800005678"
        unit.save()
        letter, _code = make_letter(email="wang@example.com")
        workflow.accept(letter, office)
        with django_capture_on_commit_callbacks(execute=True):
            workflow.forward(letter, office, unit, letter.due_date)
    subject = f"书记信箱转办：{letter.number}"
    assert [message.subject for message in mail.outbox] == [subject]
    assert wecom.contents[0].startswith(subject) and dingtalk.contents[0].startswith(subject)
    assert [(phone, text.splitlines()[0]) for phone, text in RecordingSmsProvider.sent] == [("13800005678", subject)]


def test_staff_notices_go_to_the_office_robot_and_the_writers_receipt_does_not(
    client, office, settings, django_capture_on_commit_callbacks
):
    with WebhookServer() as robot:
        settings.NOTIFY_OFFICE_WECOM_WEBHOOK = robot.url
        with django_capture_on_commit_callbacks(execute=True):
            client.post(WRITE_URL, letter_data(client, email="wang@example.com"))
    number = Letter.objects.get().number
    assert len(robot.contents) == 1 and robot.contents[0].startswith(f"书记信箱新来信：{number}")
