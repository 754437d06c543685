"""Helpers the account security tests share: logging in through the admin's form, changing one's password."""

from tests.portal.factories import PASSWORD

LOGIN_URL = "/admin/login/"
ACCOUNT_URL = "/admin/account/"
NEW_PASSWORD = "Qingjiang-Zfw-2026!"


def login(client, username, password=PASSWORD, ip="10.1.1.1", **headers):
    """POST the admin login form from ``ip``, as a browser does."""
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip, **headers)


def logged_in(client):
    return "_auth_user_id" in client.session


def change_own_password(client, user, old=PASSWORD, new=NEW_PASSWORD, repeat=None):
    """The password panel of the admin's account page, with the other panels' current values."""
    return client.post(
        ACCOUNT_URL,
        {
            "name_email-first_name": user.first_name or "测试",
            "name_email-last_name": user.last_name or "用户",
            "name_email-email": user.email,
            "locale-preferred_language": "zh-hans",
            "locale-current_time_zone": "Asia/Shanghai",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "password-old_password": old,
            "password-new_password1": new,
            "password-new_password2": repeat or new,
        },
    )
