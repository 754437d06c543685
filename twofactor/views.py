"""Enrolment, verification and recovery codes for the admin's second factor."""

from base64 import b32encode
from urllib.parse import urlencode

import segno
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.ratelimit import RateLimit

from .forms import CodeForm
from .policy import (
    confirm_device,
    has_confirmed_device,
    new_recovery_codes,
    pending_device,
    remaining_recovery_codes,
    requires_two_factor,
)

# Five wrong codes within five minutes, then the user waits for the window to end.
CODE_ATTEMPTS = RateLimit("twofactor-code", 5, 300)
SESSION_CODES_KEY = "twofactor_recovery_codes"


def safe_next(request):
    """The ``next`` address if it stays on this site, otherwise the admin dashboard."""
    url = request.POST.get("next") or request.GET.get("next")
    allowed = {request.get_host()}
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=allowed, require_https=request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


def too_many_attempts(form, user):
    if CODE_ATTEMPTS.exceeded(user.pk):
        form.add_error(None, _("验证码错误次数过多，请5分钟后再试。"))
        return True
    return False


def qr_code_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def grouped_secret(device):
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    """Shows a new secret as a QR code and as text; a correct code from the app confirms it."""
    user = request.user
    if has_confirmed_device(user) and not user.is_verified():
        return redirect(f"{reverse('twofactor_verify')}?{_next_query(request)}")
    device = pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not too_many_attempts(form, user):
        if device.verify_token(form.cleaned_data["code"]):
            CODE_ATTEMPTS.reset(user.pk)
            request.session[SESSION_CODES_KEY] = confirm_device(device, actor=user)
            otp_login(request, device)
            return redirect(f"{reverse('twofactor_recovery_codes')}?{_next_query(request)}")
        CODE_ATTEMPTS.hit(user.pk)
        form.add_error("code", _("验证码不正确，请确认手机时间准确后重新输入。"))
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device),
            "secret": grouped_secret(device),
            "next": safe_next(request),
            "required": requires_two_factor(user),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    """Asks for the authenticator's code, or one of the recovery codes, once per session."""
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    if not has_confirmed_device(user):
        return redirect(f"{reverse('twofactor_setup')}?{_next_query(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not too_many_attempts(form, user):
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            CODE_ATTEMPTS.reset(user.pk)
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _("您使用了一个恢复码（每个只能用一次），还剩 %(count)d 个。请尽快在账户设置中生成新的恢复码。")
                    % {"count": remaining_recovery_codes(user)},
                )
            return redirect(safe_next(request))
        CODE_ATTEMPTS.hit(user.pk)
        form.add_error("code", _("验证码不正确，请重新输入。"))
    return render(request, "twofactor/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
def recovery_codes(request):
    """Shows the new recovery codes once; they are not kept anywhere readable afterwards."""
    codes = request.session.pop(SESSION_CODES_KEY, None)
    if not codes:
        return redirect(safe_next(request))
    return render(request, "twofactor/recovery_codes.html", {"codes": codes, "next": safe_next(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def account(request):
    """The user's own second-factor page: status, (re-)enrolment and fresh recovery codes."""
    user = request.user
    enrolled = has_confirmed_device(user)
    if request.method == "POST":
        if not (enrolled and user.is_verified()):
            messages.error(request, _("请先启用两步验证。"))
            return redirect("twofactor_account")
        request.session[SESSION_CODES_KEY] = new_recovery_codes(user)
        return redirect(f"{reverse('twofactor_recovery_codes')}?{urlencode({'next': reverse('twofactor_account')})}")
    return render(
        request,
        "twofactor/account.html",
        {
            "enrolled": enrolled,
            "required": requires_two_factor(user),
            "remaining": remaining_recovery_codes(user),
        },
    )


def _next_query(request):
    return urlencode({"next": safe_next(request)})
