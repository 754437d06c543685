"""Verification once per session: the authenticator's code or a one-time recovery code."""

from datetime import timedelta

import pytest

from django.test import Client

from tests.twofactor.helpers import current_code

VERIFY = "/admin/2fa/verify/"


@pytest.fixture
def signed_in(client, enrolled):
    """A new session of the enrolled superuser: password accepted, code not yet given."""
    user, codes = enrolled
    client.force_login(user)
    return client, user, codes


def test_enrolled_user_is_asked_for_a_code(signed_in):
    client, _, _ = signed_in
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"
    assert "两步验证" in client.get(response.url).content.decode()


def test_setup_sends_an_enrolled_user_to_verify(signed_in):
    client, _, _ = signed_in
    response = client.get("/admin/2fa/setup/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(VERIFY)


def test_correct_code_verifies_the_session(signed_in, clock):
    client, user, _ = signed_in
    clock.shift(timedelta(seconds=30))  # the enrolment code's step is used up
    response = client.post(VERIFY, {"code": current_code(user), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_code_with_spaces_is_accepted(signed_in, clock):
    client, user, _ = signed_in
    clock.shift(timedelta(seconds=30))
    code = current_code(user)
    response = client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_wrong_code_is_refused(signed_in, clock):
    client, user, _ = signed_in
    clock.shift(timedelta(seconds=30))
    wrong = f"{(int(current_code(user)) + 1) % 1_000_000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_recovery_code_works_once(signed_in, clock):
    client, user, codes = signed_in
    response = client.post(VERIFY, {"code": codes[0]}, follow=True)
    assert response.redirect_chain[0] == ("/admin/", 302)
    assert "还剩 9 个" in response.content.decode()

    other = Client()
    other.force_login(user)
    response = other.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert "验证码不正确" in response.content.decode()
    clock.shift(timedelta(seconds=2))  # django-otp's own throttling after a failure
    assert other.post(VERIFY, {"code": codes[1]}).status_code == 302


def test_five_wrong_codes_lock_code_entry_for_five_minutes(signed_in, clock):
    client, _, codes = signed_in
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
    clock.shift(timedelta(seconds=60))
    response = client.post(VERIFY, {"code": codes[0]})
    assert response.status_code == 200
    assert "错误次数过多" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    clock.shift(timedelta(minutes=5))
    assert client.post(VERIFY, {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/steal", "//evil.example/", "http://testserver.evil.example/", "javascript:alert(1)"],
)
def test_next_never_leaves_the_site(signed_in, next_url):
    client, _, codes = signed_in
    response = client.post(VERIFY, {"code": codes[0], "next": next_url})
    assert response.status_code == 302
    assert response.url == "/admin/"


def test_verify_page_does_not_render_foreign_next(signed_in):
    client, _, _ = signed_in
    response = client.get(VERIFY + "?next=https://evil.example/")
    assert "evil.example" not in response.content.decode()


def test_new_recovery_codes_replace_the_old_ones(signed_in):
    client, _, codes = signed_in
    client.post(VERIFY, {"code": codes[0]})
    response = client.post("/admin/2fa/account/", follow=True)
    new_codes = response.context["codes"]
    assert len(new_codes) == 10
    assert not set(new_codes) & set(codes)
