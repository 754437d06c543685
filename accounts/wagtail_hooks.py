from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from . import audit, views
from .passwords import require_password_change

admin_urlpatterns = (
    [
        path("", views.locked_list, name="locked"),
        path("unlock/", views.unlock_view, name="unlock"),
    ],
    "accounts_admin",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    """The list of locked account names and addresses, under 设置 → 登录锁定."""
    return [path("login-locks/", include(admin_urlpatterns))]


class LockMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lock_menu_item():
    """Administrators find locked accounts next to the users and groups."""
    return LockMenuItem("登录锁定", reverse("accounts_admin:locked"), icon_name="lock", order=650)


@hooks.register("after_create_user")
def force_password_change_for_new_user(request, user):
    """An account an administrator creates must choose its own password at the first login."""
    require_password_change(user)


@hooks.register("after_edit_user")
def force_password_change_after_reset(request, user):
    """So must an account whose password an administrator has set for it."""
    if request.method == "POST" and request.POST.get("password1") and request.user.pk != user.pk:
        require_password_change(user)


class ChangesFormatter(LogFormatter):
    """Messages naming what was added and removed (``data = {"added": [...], "removed": [...]}``)."""

    what = ""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = []
        if data.get("added"):
            parts.append(f"添加{self.what}：" + "、".join(data["added"]))
        if data.get("removed"):
            parts.append(f"移除{self.what}：" + "、".join(data["removed"]))
        return "；".join(parts) or self.label


class LoginFormatter(LogFormatter):
    describe = None

    def format_message(self, log_entry):
        return self.describe(log_entry.data or {})


def _from(data):
    return f"（来源地址 {data['ip']}）" if data.get("ip") else ""


def _login(data):
    return f"登录成功{_from(data)}"


def _failed(data):
    refused = "，账号或地址已锁定，登录被拒绝" if data.get("refused_locked") else ""
    return f"登录失败：登录名“{data.get('username', '')}”{_from(data)}{refused}"


def _lockout(data):
    return f"连续登录失败{data.get('failures', '')}次，登录名“{data.get('username', '')}”{_from(data)}已被锁定"


def _unlock(data):
    target = f"账号“{data['username']}”" if data.get("username") else f"来源地址 {data.get('ip', '')}"
    return f"解除登录锁定：{target}"


def _expired(data):
    return "长时间未操作，自动退出" if data.get("reason") == "idle" else "登录时间超过上限，自动退出"


def _formatter(base, label, **attrs):
    return type(base.__name__, (base,), {"label": label, **attrs})


@hooks.register("register_log_actions")
def register_account_log_actions(actions):
    """Logins, lockouts and permission changes appear in the site history in Chinese."""
    formatters = {
        audit.LOGIN: _formatter(LoginFormatter, "登录成功", describe=staticmethod(_login)),
        audit.LOGIN_FAILED: _formatter(LoginFormatter, "登录失败", describe=staticmethod(_failed)),
        audit.LOCKOUT: _formatter(LoginFormatter, "登录锁定", describe=staticmethod(_lockout)),
        audit.UNLOCK: _formatter(LoginFormatter, "解除登录锁定", describe=staticmethod(_unlock)),
        audit.SESSION_EXPIRED: _formatter(LoginFormatter, "会话超时退出", describe=staticmethod(_expired)),
        audit.USER_GROUPS: _formatter(ChangesFormatter, "用户组变更", what="用户组"),
        audit.USER_PERMISSIONS: _formatter(ChangesFormatter, "用户权限变更", what="权限"),
        audit.GROUP_PERMISSIONS: _formatter(ChangesFormatter, "用户组权限变更", what="权限"),
    }
    for action, formatter_class in formatters.items():
        actions.register_action(action)(formatter_class)
