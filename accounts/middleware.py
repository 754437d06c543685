"""Admin session limits and the forced password change, for requests under /admin/."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from .audit import log_session_expired
from .passwords import password_change_reason

LOGIN_AT = "accounts_login_at"
LAST_SEEN = "accounts_last_seen"
# Sliding idle time is written back at most this often, so that not every request saves the session.
LAST_SEEN_RESOLUTION = 60
# Requests the editor sends by itself while a page stays open; they are not activity of the user.
BACKGROUND_PATHS = ("editing-sessions/",)


@receiver(user_logged_in, dispatch_uid="accounts_session_start")
def start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = timezone.now().timestamp()
        request.session[LOGIN_AT] = now
        request.session[LAST_SEEN] = now


def _admin_path(request):
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class AdminSessionMiddleware:
    """Ends an admin session after ``PORTAL_ADMIN_IDLE_TIMEOUT`` seconds without a request and
    ``PORTAL_ADMIN_SESSION_MAX_AGE`` seconds after login: the session is deleted on the server and
    the user is sent to the login page with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and _admin_path(request):
            response = self.check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def check(self, request):
        session = request.session
        now = timezone.now().timestamp()
        login_at = session.setdefault(LOGIN_AT, now)  # sessions from before this code start now
        last_seen = session.get(LAST_SEEN, now)
        if now - last_seen > settings.PORTAL_ADMIN_IDLE_TIMEOUT:
            return self.expire(request, "idle", f"您已超过{settings.PORTAL_ADMIN_IDLE_TIMEOUT // 60}分钟未操作")
        if now - login_at > settings.PORTAL_ADMIN_SESSION_MAX_AGE:
            hours = settings.PORTAL_ADMIN_SESSION_MAX_AGE / 3600
            return self.expire(request, "absolute", f"本次登录已超过{hours:g}小时")
        background = request.path_info.startswith(tuple(reverse("wagtailadmin_home") + p for p in BACKGROUND_PATHS))
        if not background and now - session.get(LAST_SEEN, 0) >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN] = now
        return None

    def expire(self, request, reason, why):
        user = request.user
        log_session_expired(user, reason)
        logout(request)  # flushes the session: its row is deleted from the store
        messages.warning(request, f"{why}，为保障账号安全已自动退出，请重新登录。")
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))


class PasswordChangeRequiredMiddleware:
    """Sends a user who must choose a new password (account created or password reset by an
    administrator, or password older than ``PORTAL_PASSWORD_MAX_AGE_DAYS``) to the password form
    of the admin's account page until they have."""

    # The account page itself, leaving, and what every admin page loads (icons, translations).
    ALLOWED_URL_NAMES = (
        "wagtailadmin_account",
        "wagtailadmin_logout",
        "wagtailadmin_login",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        # The second factor comes first when both are due (twofactor/middleware.py sends there).
        "twofactor_setup",
        "twofactor_verify",
        "twofactor_recovery_codes",
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and _admin_path(request):
            allowed = {reverse(name) for name in self.ALLOWED_URL_NAMES}
            if request.path_info not in allowed:
                reason = password_change_reason(request.user)
                if reason is not None:
                    if reason == "expired":
                        text = f"您的密码已使用超过{settings.PORTAL_PASSWORD_MAX_AGE_DAYS}天，请先修改密码。"
                    else:
                        text = "为保障账号安全，首次登录或管理员重置密码后须先修改密码。"
                    messages.warning(request, text)
                    return redirect("wagtailadmin_account")
        return self.get_response(request)
