"""Login lockout (django-axes): per account name and per client address, behind the proxy, unlocking."""

from datetime import timedelta

import pytest
import time_machine

from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.accounts.helpers import LOGIN_URL, logged_in, login

pytestmark = pytest.mark.django_db

LOCKED_TEXT = "登录失败次数过多"


def test_thirty_wrong_passwords_from_one_address_lock_that_address(client, staff):
    for number in range(30):
        response = login(client, f"guess{number}", "Wrong-password-123", ip="203.0.113.7")
    assert response.status_code == 429 and LOCKED_TEXT in response.content.decode()

    response = login(client, "zhangsan", ip="203.0.113.7")
    assert response.status_code == 429 and LOCKED_TEXT in response.content.decode()
    assert not logged_in(client)
    # Another address is not locked.
    assert login(client, "zhangsan", ip="198.51.100.1").status_code == 302 and logged_in(client)


def test_wrong_passwords_for_one_account_from_twenty_addresses_lock_the_account(client, staff):
    for number in range(20):
        login(client, "zhangsan", "Wrong-password-123", ip=f"198.51.100.{number + 1}")
    response = login(client, "zhangsan", ip="192.0.2.200")
    assert response.status_code == 429 and "分钟后再试" in response.content.decode()
    assert not logged_in(client)


def test_four_failures_do_not_lock_and_the_lock_ends_after_the_cool_off(client, staff):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(4):
            assert login(client, "zhangsan", "Wrong-password-123").status_code == 200
        assert login(client, "zhangsan", "Wrong-password-123").status_code == 429
        assert login(client, "zhangsan").status_code == 429
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert login(client, "zhangsan").status_code == 302 and logged_in(client)


def test_behind_the_proxy_the_configured_header_is_the_address(client, staff, settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for number in range(5):
        login(client, f"guess{number}", "Wrong-password-123", ip="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9")
    # Every visitor arrives from the proxy's address; only the one in the header is locked.
    assert login(client, "zhangsan", ip="127.0.0.1", HTTP_X_REAL_IP="203.0.113.9").status_code == 429
    assert login(client, "zhangsan", ip="127.0.0.1", HTTP_X_REAL_IP="203.0.113.10").status_code == 302


def test_without_the_setting_a_forged_forwarded_header_does_not_dodge_the_lock(client, staff):
    for number in range(5):
        login(client, f"guess{number}", "Wrong-password-123", ip="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    response = login(client, "zhangsan", ip="203.0.113.7", HTTP_X_FORWARDED_FOR="10.0.0.99")
    assert response.status_code == 429


def test_a_malformed_address_header_is_no_server_error(client, staff, settings):
    settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    response = login(client, "zhangsan", "Wrong-password-123", HTTP_X_REAL_IP="not-an-address")
    assert response.status_code == 200
    assert login(client, "zhangsan", HTTP_X_REAL_IP="not-an-address").status_code == 302


def lock(client, username="zhangsan", ip="203.0.113.7"):
    for _ in range(5):
        login(client, username, "Wrong-password-123", ip=ip)


def lock_account_and_address(client):
    """zhangsan locked by failures from five addresses, 203.0.113.7 by failures for five other names."""
    for number in range(5):
        login(client, "zhangsan", "Wrong-password-123", ip=f"198.51.100.{number + 1}")
        login(client, f"guess{number}", "Wrong-password-123", ip="203.0.113.7")


def test_the_admin_lists_locked_accounts_and_addresses_and_unlocks_them(client, staff, admin_user):
    lock_account_and_address(client)
    client.force_login(admin_user)
    html = client.get("/admin/login-locks/").content.decode()
    assert 'data-lock="username:zhangsan"' in html and 'data-lock="ip_address:203.0.113.7"' in html

    response = client.post("/admin/login-locks/unlock/", {"kind": "username", "value": "zhangsan"}, follow=True)
    assert "已解锁账号“zhangsan”" in response.content.decode()
    html = client.get("/admin/login-locks/").content.decode()
    assert 'data-lock="username:zhangsan"' not in html and 'data-lock="ip_address:203.0.113.7"' in html
    client.post("/admin/login-locks/unlock/", {"kind": "ip_address", "value": "203.0.113.7"})
    assert "当前没有被锁定的账号或来源地址" in client.get("/admin/login-locks/").content.decode()

    client.logout()
    assert login(client, "zhangsan", ip="203.0.113.7").status_code == 302


def test_unlocking_nothing_or_bad_input_changes_nothing(client, staff, admin_user):
    lock(client)
    client.force_login(admin_user)
    response = client.post("/admin/login-locks/unlock/", {"kind": "password", "value": "zhangsan"}, follow=True)
    assert "请选择要解锁的账号或来源地址" in response.content.decode()
    response = client.post("/admin/login-locks/unlock/", {"kind": "username", "value": "nobody"}, follow=True)
    assert "无需解锁" in response.content.decode()
    assert 'data-lock="username:zhangsan"' in client.get("/admin/login-locks/").content.decode()


def test_staff_without_the_permission_cannot_see_or_unlock(client, staff):
    lock(client, username="someone")
    client.force_login(staff)
    # The admin turns a refusal into a redirect to the dashboard with a message.
    assert client.get("/admin/login-locks/").url == "/admin/"
    assert client.post("/admin/login-locks/unlock/", {"kind": "username", "value": "someone"}).url == "/admin/"
    assert "登录锁定" not in client.get("/admin/").content.decode()
    assert login(client, "someone", ip="198.51.100.50").status_code == 429


def test_unlock_account_command(client, staff, capsys):
    lock_account_and_address(client)
    call_command("unlock_account", "zhangsan")
    assert "已解锁登录名“zhangsan”" in capsys.readouterr().out
    assert login(client, "zhangsan", ip="198.51.100.1").status_code == 302
    client.logout()
    # The address is still locked by the other names' failures; --ip frees it.
    assert login(client, "zhangsan", ip="203.0.113.7").status_code == 429
    call_command("unlock_account", "--ip", "203.0.113.7")
    assert login(client, "zhangsan", ip="203.0.113.7").status_code == 302
    with pytest.raises(CommandError, match="请指定要解锁的登录名"):
        call_command("unlock_account")


def test_login_page_is_in_chinese_and_get_is_never_locked(client, staff):
    lock(client, ip="127.0.0.1")
    response = client.get(LOGIN_URL)
    assert response.status_code == 200 and "政法委网站管理后台" in response.content.decode()
