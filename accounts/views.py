"""The admin's list of locked account names and addresses, with unlocking."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_POST

from .audit import log_unlock
from .lockout import current_locks, unlock

UNLOCK_PERMISSION = "axes.delete_accessattempt"


def can_unlock(user):
    return user.is_active and user.has_perm(UNLOCK_PERMISSION)


@require_GET
def locked_list(request):
    if not can_unlock(request.user):
        raise PermissionDenied
    return TemplateResponse(request, "accounts/admin/locked.html", {"locks": current_locks(), "page_title": "登录锁定"})


@require_POST
def unlock_view(request):
    if not can_unlock(request.user):
        raise PermissionDenied
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "").strip()
    if kind not in ("username", "ip_address") or not value:
        messages.error(request, "请选择要解锁的账号或来源地址。")
        return redirect("accounts_admin:locked")
    username, ip_address = (value, None) if kind == "username" else (None, value)
    if unlock(username=username, ip_address=ip_address):
        log_unlock(username, ip_address, user=request.user)
        messages.success(request, f"已解锁{'账号' if username else '来源地址'}“{value}”。")
    else:
        messages.warning(request, f"“{value}”当前没有登录失败记录，无需解锁。")
    return redirect("accounts_admin:locked")
