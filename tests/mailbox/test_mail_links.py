"""Links in the 书记信箱's mails point at the site's configured address, never at localhost."""

import pytest

from django.core import mail

from mailbox import workflow
from tests.mailbox.helpers import ADMIN_URL, make_letter
from tests.portal.helpers import SITE_ADDRESS, assert_links_on_site, serve_site_at

pytestmark = pytest.mark.django_db


def forward(client, letter, unit):
    data = {"forward-unit": unit.pk, "forward-deadline": letter.due_date.isoformat()}
    response = client.post(f"{ADMIN_URL}letters/{letter.pk}/forward/", data)
    assert response.status_code == 302


def test_forwarding_mail_links_to_the_letter_on_the_site_address(
    client, home, office, unit, unit_staff, django_capture_on_commit_callbacks
):
    serve_site_at()
    letter, _code = make_letter()
    workflow.accept(letter, office)
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        forward(client, letter, unit)
    assert len(mail.outbox) == 1
    assert_links_on_site(mail.outbox[0])
    assert f"{SITE_ADDRESS}/admin/" in mail.outbox[0].body


def test_an_explicit_portal_base_url_wins(
    client, home, office, unit, unit_staff, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://zfw.example.gov.cn"
    serve_site_at()
    letter, _code = make_letter()
    workflow.accept(letter, office)
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        forward(client, letter, unit)
    assert "https://zfw.example.gov.cn/admin/" in mail.outbox[0].body and SITE_ADDRESS not in mail.outbox[0].body
