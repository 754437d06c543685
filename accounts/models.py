"""What the portal keeps about a staff account besides Django's user: its password's history."""

from django.conf import settings
from django.db import models


class StaffAccount(models.Model):
    """One row per user whose password was set or reset; users without one are not forced to change."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_account", verbose_name="用户"
    )
    must_change_password = models.BooleanField(
        "下次登录须修改密码",
        default=False,
        help_text="管理员创建账号或重置密码后设置；本人修改密码后清除。",
    )
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)

    class Meta:
        verbose_name = "账号安全信息"
        verbose_name_plural = "账号安全信息"

    def __str__(self):
        return self.user.get_username()


class UnknownLogin(models.Model):
    """A name someone tried to sign in with that matches no account.

    Wagtail's audit log records an action against an object; failed logins and lockouts for such
    names are recorded against this row, so that they appear in the site history like the others.
    """

    username = models.CharField("登录名", max_length=150, unique=True)
    first_seen = models.DateTimeField("首次出现", auto_now_add=True)

    class Meta:
        verbose_name = "不存在的登录名"
        verbose_name_plural = "不存在的登录名"

    def __str__(self):
        return f"{self.username}（账号不存在）"
