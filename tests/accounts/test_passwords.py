"""Password rules, the forced change after an administrator sets a password, optional expiry."""

from datetime import timedelta

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from accounts.models import StaffAccount
from tests.accounts.helpers import ACCOUNT_URL, NEW_PASSWORD, change_own_password, logged_in, login
from tests.portal.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short-1a", "密码太短，至少需要12个字符"),
        ("alllowercaseletters", "四类字符中的3类"),
        ("lowercase-and-symbols", "四类字符中的3类"),
        ("Zhangsan-2026!", "太相似"),
        ("Qwerty123456", "太常见"),
    ],
)
def test_weak_passwords_are_refused_in_chinese_and_nothing_changes(client, staff, password, message):
    client.force_login(staff)
    response = change_own_password(client, staff, new=password)
    assert response.status_code == 200 and message in response.content.decode()
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_a_good_password_is_accepted_and_the_change_recorded(client, staff):
    client.force_login(staff)
    response = change_own_password(client, staff)
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password(NEW_PASSWORD)
    assert StaffAccount.objects.get(user=staff).password_changed_at is not None
    assert logged_in(client)  # the change keeps the session


def test_the_new_password_must_differ_from_the_current_one(client, staff):
    client.force_login(staff)
    response = change_own_password(client, staff, new=PASSWORD)
    assert "新密码不能与当前密码相同" in response.content.decode()


def test_the_rules_are_what_validate_password_applies():
    user = get_user_model()(username="lisi")
    validate_password("Qingjiang-Zfw-2026!", user)
    validate_password("qingjiang zfw 2026", user)  # lower case, digits and spaces: three classes
    with pytest.raises(ValidationError):
        validate_password("qingjiangzfw2026", user)


def create_user_in_admin(client, username="wangwu", password="Temporary-Pass-2026"):
    return client.post(
        "/admin/users/new/",
        {
            "username": username,
            "email": f"{username}@example.gov.cn",
            "first_name": "五",
            "last_name": "王",
            "password1": password,
            "password2": password,
            "is_active": "on",
            "groups": [],
        },
    )


def test_an_account_created_by_an_administrator_must_change_its_password_first(client, admin_user):
    client.force_login(admin_user)
    response = create_user_in_admin(client)
    assert response.status_code == 302, response.content.decode()[:2000]
    user = get_user_model().objects.get(username="wangwu")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.logout()

    assert login(client, "wangwu", "Temporary-Pass-2026").status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url == ACCOUNT_URL
    page = client.get(ACCOUNT_URL, follow=True).content.decode()
    assert "须先修改密码" in page
    assert client.get("/admin/pages/").url == ACCOUNT_URL

    assert change_own_password(client, user, old="Temporary-Pass-2026").status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaffAccount.objects.get(user=user).must_change_password


def test_a_password_an_administrator_sets_for_someone_else_must_be_changed(client, admin_user, staff):
    client.force_login(admin_user)
    data = {
        "username": staff.username,
        "email": staff.email,
        "first_name": staff.first_name,
        "last_name": staff.last_name,
        "password1": "Reset-By-Admin-2026",
        "password2": "Reset-By-Admin-2026",
        "is_active": "on",
    }
    assert client.post(f"/admin/users/edit/{staff.pk}/", data).status_code == 302
    assert StaffAccount.objects.get(user=staff).must_change_password
    # Editing without a new password forces nothing.
    other = UserFactory(username="zhaoliu")
    data.update(username="zhaoliu", email=other.email, password1="", password2="")
    assert client.post(f"/admin/users/edit/{other.pk}/", data).status_code == 302
    assert not StaffAccount.objects.filter(user=other, must_change_password=True).exists()


def test_existing_accounts_and_the_demo_admin_are_not_forced(client, staff, monkeypatch, capsys):
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "s3cret-Demo-pass")
    call_command("seed_demo")
    client.force_login(get_user_model().objects.get(username="admin"))
    assert client.get("/admin/").status_code == 200


def test_the_demo_refuses_an_admin_password_breaking_the_rules(monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "admin123")
    with pytest.raises(Exception, match="PORTAL_ADMIN_PASSWORD"):
        call_command("seed_demo")
    assert not get_user_model().objects.filter(username="admin").exists()


def test_the_demo_admin_random_password_meets_the_rules(monkeypatch, capsys):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    call_command("seed_demo")
    out = capsys.readouterr().out
    password = out.split("Admin account created: admin / ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(password)
    validate_password(password, get_user_model()(username="admin", email=admin.email, first_name=admin.first_name))


def test_expiry_is_off_by_default_and_forces_a_change_when_set(client, staff, settings):
    with time_machine.travel(timezone.now() + timedelta(days=3650)):
        client.force_login(staff)
        assert client.get("/admin/").status_code == 200
        settings.PORTAL_PASSWORD_MAX_AGE_DAYS = 90
        response = client.get("/admin/")
        assert response.url == ACCOUNT_URL
        assert "密码已使用超过90天" in client.get(ACCOUNT_URL).content.decode()
        assert change_own_password(client, staff).status_code == 302
        assert client.get("/admin/").status_code == 200
