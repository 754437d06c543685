"""Legal-aid staff notices through the outbox: the office's robot, and a failing mail server recorded for a retry."""

import pytest

from django.contrib.auth import get_user_model
from django.core import mail

from legal_services.models import LegalAidApplication
from portal.notify.models import OutboxMessage, OutboxStatus
from tests.legal_services.test_aid import APPLY, DONE, VALID_ID, form_data
from tests.portal.servers import SilentSmtpServer, WebhookServer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def reviewer(db):
    return get_user_model().objects.create_superuser("reviewer", "reviewer@example.com", "pass-word-123")


def test_a_new_application_reaches_the_office_robot_with_the_tracking_number_only(
    client, home, reviewer, settings, django_capture_on_commit_callbacks
):
    with WebhookServer() as robot:
        settings.NOTIFY_OFFICE_WECOM_WEBHOOK = robot.url
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(APPLY, form_data())["Location"] == DONE
    number = LegalAidApplication.objects.get().tracking_number
    [content] = robot.contents
    assert content.startswith(f"新的法律援助申请 {number}")
    assert VALID_ID not in content and "赵永强" not in content and "13800001234" not in content
    assert [message.to for message in mail.outbox] == [["reviewer@example.com"]]


def test_a_failing_mail_server_keeps_the_application_and_records_the_staff_notice(
    client, home, reviewer, settings, django_capture_on_commit_callbacks
):
    with SilentSmtpServer() as smtp:
        smtp.configure(settings, timeout=1)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(APPLY, form_data())
    assert response.status_code == 302 and "查询码" in client.get(DONE).content.decode()
    assert LegalAidApplication.objects.count() == 1
    notice = OutboxMessage.objects.get()
    assert notice.recipient == "reviewer@example.com" and notice.status == OutboxStatus.PENDING
    assert notice.attempts == 1 and "timed out" in notice.last_error
