"""``manage.py seed_mailbox_demo``: demo letters at every step, and running it twice changes nothing."""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from mailbox.models import Letter
from review.models import ReportingUnit

pytestmark = pytest.mark.django_db


def test_the_demo_is_idempotent_and_publishes_two_letters(client, home):
    get_user_model().objects.create_superuser("admin", "admin@example.com", "x-secret-123456")
    call_command("seed_mailbox_demo")
    call_command("seed_mailbox_demo")
    assert Letter.objects.count() == 4 and ReportingUnit.objects.filter(handles_letters=True).count() == 3
    assert sorted(Letter.objects.values_list("status", flat=True)) == ["forwarded", "replied", "replied", "submitted"]
    html = client.get("/mailbox/").content.decode()
    assert "河西街道滨江路夜间施工噪音扰民" in html and "张**" in html and "13800000001" not in html
