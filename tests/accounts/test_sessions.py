"""Admin sessions: idle timeout (sliding), absolute limit, a new session id at login, logout ends it on the server."""

from datetime import timedelta

import pytest
import time_machine

from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone

from tests.accounts.helpers import LOGIN_URL, logged_in, login

pytestmark = pytest.mark.django_db


def session_key(client):
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def test_login_rotates_the_session_id(client, staff):
    client.get("/admin/login/")
    session = client.session
    session["before_login"] = True
    session.save()
    before = session.session_key
    assert login(client, "zhangsan").status_code == 302
    assert session_key(client) != before
    assert not SessionStore().exists(before)


def test_logout_deletes_the_session_on_the_server(client, staff):
    login(client, "zhangsan")
    key = session_key(client)
    assert SessionStore().exists(key)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not SessionStore().exists(key)
    assert client.get("/admin/").url.startswith(LOGIN_URL)


def test_activity_keeps_the_session_and_thirty_idle_minutes_end_it(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login(client, "zhangsan")
        key = session_key(client)
        for _ in range(4):  # sliding: a request every 20 minutes keeps it alive for 80 minutes
            clock.shift(timedelta(minutes=20))
            assert client.get("/admin/").status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get("/admin/pages/")
        assert response.status_code == 302 and response.url == f"{LOGIN_URL}?next=/admin/pages/"
        assert not SessionStore().exists(key) and not logged_in(client)
        page = client.get(response.url).content.decode()
        assert "分钟未操作，为保障账号安全已自动退出" in page


def test_twelve_hours_after_login_the_session_ends_however_active(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login(client, "zhangsan")
        for _ in range(24):
            clock.shift(timedelta(minutes=29))
            assert client.get("/admin/").status_code == 200
        clock.shift(timedelta(minutes=29))  # 12 h 5 min after login
        response = client.get("/admin/")
        assert response.url.startswith(LOGIN_URL)
        assert "超过12小时" in client.get(response.url).content.decode()


def test_the_limits_are_settings(client, staff, settings):
    settings.PORTAL_ADMIN_IDLE_TIMEOUT = 300
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login(client, "zhangsan")
        clock.shift(timedelta(minutes=6))
        assert client.get("/admin/").url.startswith(LOGIN_URL)


def test_the_editor_s_background_requests_do_not_count_as_activity(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login(client, "zhangsan")
        for _ in range(4):
            clock.shift(timedelta(minutes=10))
            client.get("/admin/editing-sessions/ping/")  # whatever it answers, it is no activity
        assert client.get("/admin/").url.startswith(LOGIN_URL)


def test_public_pages_are_not_affected(client, staff, home):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login(client, "zhangsan")
        clock.shift(timedelta(hours=1))
        assert client.get("/").status_code == 200
