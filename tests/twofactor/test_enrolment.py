"""Enrolment: required users are sent to the setup page, which confirms a real TOTP code."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Permission

from wagtail.models import ModelLogEntry

from tests.portal.factories import PASSWORD, UserFactory
from tests.twofactor.helpers import current_code

SETUP = "/admin/2fa/setup/"


def test_superuser_without_device_is_sent_to_setup(client, superuser):
    client.force_login(superuser)
    response = client.get("/admin/pages/?q=x")
    assert response.status_code == 302
    assert response.url == "/admin/2fa/setup/?next=%2Fadmin%2Fpages%2F%3Fq%3Dx"


def test_password_login_leads_to_setup(client, superuser):
    response = client.post("/admin/login/", {"username": superuser.username, "password": PASSWORD, "next": "/admin/"})
    assert response.status_code == 302
    response = client.get(response.url)
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


@pytest.mark.parametrize(
    "codename", ["add_user", "change_user", "change_group", "reveal_legalaidapplication"], ids=lambda c: c
)
def test_sensitive_permissions_require_setup(client, db, codename):
    user = UserFactory(permissions=["access_admin"])
    user.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_page_publishers_require_setup(client, publisher):
    client.force_login(publisher)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(SETUP)


def test_other_users_are_not_asked(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_requirement_can_be_switched_off(client, settings, superuser):
    settings.PORTAL_REQUIRE_2FA = False
    client.force_login(superuser)
    assert client.get("/admin/").status_code == 200


def test_setup_page_shows_server_made_qr_code_and_secret(client, superuser):
    client.force_login(superuser)
    response = client.get(SETUP)
    html = response.content.decode()
    assert response.status_code == 200
    assert "设置两步验证" in html
    assert "<svg" in html and "<img" not in html.split("<main", 1)[1]  # no image fetched from elsewhere
    device = TOTPDevice.objects.get(user=superuser)
    assert not device.confirmed
    secret = response.context["secret"].replace(" ", "")
    assert secret in device.config_url
    # The same secret on reload until it is confirmed.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=superuser).count() == 1


def test_correct_code_confirms_and_shows_recovery_codes_once(client, superuser, clock):
    client.force_login(superuser)
    client.get(SETUP)
    response = client.post(SETUP, {"code": current_code(superuser), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response.url == "/admin/2fa/recovery-codes/?next=%2Fadmin%2Fpages%2F"
    assert TOTPDevice.objects.get(user=superuser).confirmed

    response = client.get(response.url)
    codes = response.context["codes"]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert set(StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True)) == set(codes)
    # Shown once only.
    response = client.get("/admin/2fa/recovery-codes/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    # The session is verified: the admin opens.
    assert client.get("/admin/").status_code == 200

    entry = ModelLogEntry.objects.get(action="twofactor.enrol")
    assert entry.object_id == str(superuser.pk)
    assert entry.user_id == superuser.pk


def test_wrong_code_keeps_device_unconfirmed(client, superuser, clock):
    client.force_login(superuser)
    client.get(SETUP)
    right = current_code(superuser)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(SETUP, {"code": wrong})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert not TOTPDevice.objects.get(user=superuser).confirmed
    assert not StaticToken.objects.exists()
    assert not ModelLogEntry.objects.filter(action="twofactor.enrol").exists()
    assert client.get("/admin/").status_code == 302


def test_empty_code_is_refused_in_chinese(client, superuser):
    client.force_login(superuser)
    response = client.post(SETUP, {"code": "  "})
    assert response.status_code == 200
    assert "请输入验证码" in response.content.decode()


def test_voluntary_enrolment_from_account_page(client, editor, clock):
    client.force_login(editor)
    assert "/admin/2fa/account/" in client.get("/admin/account/").content.decode()
    response = client.get("/admin/2fa/account/")
    assert "两步验证未启用" in response.content.decode()
    client.get(SETUP)
    response = client.post(SETUP, {"code": current_code(editor), "next": "/admin/2fa/account/"})
    client.get(response.url)
    assert "两步验证已启用" in client.get("/admin/2fa/account/").content.decode()

    # From now on a new session of this user needs the code too.
    client.logout()
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/2fa/verify/")


def test_half_signed_in_user_is_stopped_on_public_pages_too(client, superuser):
    client.force_login(superuser)
    response = client.get("/")
    assert response.status_code == 302
    assert response.url == "/admin/2fa/setup/?next=%2F"


def test_anonymous_visitors_are_not_affected(client, home):
    assert client.get("/").status_code == 200
    assert client.get("/admin/2fa/verify/").status_code == 302  # the admin's own login first
