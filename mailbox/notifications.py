"""Notices about letters, sent only after the change it reports is committed.

Citizens get e-mail only; staff notices also go to the office's (or the handling unit's) group
robots and SMS mobile.

A failing mail server is logged and never undoes or repeats the change: the
letter is already stored when the mail is attempted, and nothing resubmits it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse

from portal.links import absolute_url
from portal.mail import office_targets, send_after_commit, send_now

__all__ = ["office_targets", "send_after_commit", "send_now"]


def staff_emails(codename):
    """Addresses of active users granted ``mailbox.<codename>`` directly or through a group (superusers excluded)."""
    permission = Permission.objects.filter(content_type__app_label="mailbox", codename=codename).first()
    if permission is None:
        return []
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return list(
        users.filter(Q(user_permissions=permission) | Q(groups__permissions=permission))
        .distinct()
        .values_list("email", flat=True)
    )


def _admin_link(letter):
    return absolute_url(reverse("mailbox_admin:letter", args=[letter.pk]))


def _public_query_link():
    return absolute_url(reverse("mailbox:query"))


def letter_received(letter):
    if letter.email:
        send_after_commit(
            f"您的来信已收到（{letter.number}）",
            f"{letter.name}，您好：\n\n您的来信《{letter.title}》已收到，信件编号 {letter.number}。"
            f"我们将在 {letter.due_date:%Y年%m月%d日} 前答复。\n"
            f"请凭信件编号和提交时获得的查询码查询办理进度：{_public_query_link()}\n"
            "（为保护您的信息，本邮件不包含查询码。）",
            [letter.email],
        )
    send_after_commit(
        f"书记信箱新来信：{letter.number}",
        f"新来信《{letter.title}》（{letter.get_category_display()}）待受理，答复期限 {letter.due_date:%Y-%m-%d}。\n"
        f"{_admin_link(letter)}",
        staff_emails("handle_letter"),
        office_targets(),
    )


def letter_forwarded(letter):
    send_after_commit(
        f"书记信箱转办：{letter.number}",
        f"来信《{letter.title}》已转交{letter.unit.name}办理，请于 {letter.unit_deadline:%Y-%m-%d} 前起草答复。\n"
        f"{_admin_link(letter)}",
        letter.unit.letter_handlers.filter(is_active=True).values_list("email", flat=True),
        letter.unit.notification_targets(),
    )


def reply_drafted(letter):
    send_after_commit(
        f"书记信箱答复待审核：{letter.number}",
        f"{letter.reply_unit_name}已起草来信《{letter.title}》的答复，请审核。\n{_admin_link(letter)}",
        staff_emails("approve_letter"),
        office_targets(),
    )


def extension_requested(extension):
    letter = extension.letter
    send_after_commit(
        f"书记信箱延期申请：{letter.number}",
        f"来信《{letter.title}》申请延期 {extension.workdays} 个工作日，请审批。\n{_admin_link(letter)}",
        staff_emails("approve_letter"),
        office_targets(),
    )


def letter_answered(letter):
    if not letter.email:
        return
    outcome = "已答复" if letter.status == "replied" else "不予受理"
    send_after_commit(
        f"您的来信{outcome}（{letter.number}）",
        f"{letter.name}，您好：\n\n您的来信《{letter.title}》{outcome}。"
        f"请凭信件编号 {letter.number} 和查询码查看答复内容：{_public_query_link()}",
        [letter.email],
    )
