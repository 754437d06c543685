"""The admin's read-only list of notices that could not be delivered (报表 → 发送失败的通知)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import OutboxMessage, OutboxStatus

permission_policy = ModelPermissionPolicy(OutboxMessage)


class FailedNoticesView(ReportView):
    page_title = _("发送失败的通知")
    header_icon = "warning"
    index_url_name = "portal_failed_notices"
    index_results_url_name = "portal_failed_notices_results"
    permission_policy = permission_policy
    permission_required = "view"
    columns = [
        DateColumn("created_at", label=_("创建时间")),
        Column("get_channel_display", label=_("渠道")),
        Column("recipient_display", label=_("收件人")),
        Column("subject", label=_("主题")),
        Column("attempts", label=_("尝试次数")),
        Column("last_error", label=_("最近错误")),
    ]
    list_export = ["created_at", "get_channel_display", "recipient_display", "subject", "attempts", "last_error"]
    export_headings = {
        "created_at": _("创建时间"),
        "get_channel_display": _("渠道"),
        "recipient_display": _("收件人"),
        "subject": _("主题"),
        "attempts": _("尝试次数"),
        "last_error": _("最近错误"),
    }

    def get_queryset(self):
        return OutboxMessage.objects.filter(status=OutboxStatus.FAILED).order_by("-created_at", "-pk")
