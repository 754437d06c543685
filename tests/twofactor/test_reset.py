"""The administrator's command for a lost phone, and the audit trail of enrolments and resets."""

from io import StringIO

import pytest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.management import CommandError, call_command

from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry


def reset(username):
    out = StringIO()
    call_command("reset_2fa", username, stdout=out)
    return out.getvalue()


def test_reset_deletes_devices_and_recovery_codes(client, enrolled):
    user, _ = enrolled
    output = reset(user.username)
    assert "已重置" in output
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.exists()
    entry = ModelLogEntry.objects.get(action="twofactor.reset")
    assert entry.object_id == str(user.pk)
    assert entry.data == {"devices": 2}

    # The next sign-in goes to enrolment again.
    client.force_login(user)
    response = client.get("/admin/")
    assert response.url.startswith("/admin/2fa/setup/")


def test_reset_of_unknown_user_fails_and_logs_nothing(db):
    with pytest.raises(CommandError, match="用户不存在"):
        reset("nobody")
    assert not ModelLogEntry.objects.filter(action="twofactor.reset").exists()


def test_audit_actions_have_chinese_labels(db):
    assert registry.get_action_label("twofactor.enrol") == "启用两步验证"
    assert registry.get_action_label("twofactor.reset") == "重置两步验证"


def test_enrolment_and_reset_appear_in_site_history(client, settings, enrolled):
    user, _ = enrolled
    reset(user.username)
    settings.PORTAL_REQUIRE_2FA = False  # after the reset the superuser would be sent to enrolment
    client.force_login(user)
    html = client.get("/admin/reports/site-history/").content.decode()
    assert "启用两步验证" in html
    assert "重置两步验证" in html


def test_reset_ends_the_verification_of_open_sessions(client, enrolled):
    user, codes = enrolled
    client.force_login(user)
    client.post("/admin/2fa/verify/", {"code": codes[0]})
    assert client.get("/admin/").status_code == 200
    reset(user.username)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/2fa/setup/")
