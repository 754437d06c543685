"""The 书记信箱 panel on the admin dashboard: what is overdue, what is due soon, what nears three months."""

from datetime import timedelta

from django.utils import timezone

from wagtail.admin.ui.components import Component

from portal.workdays import add_workdays

from .conf import setting
from .models import Letter, Status
from .permissions import can_approve, can_use_mailbox_admin

LONG_PENDING_SHOWN = 5


class MailboxPanel(Component):
    name = "mailbox"
    template_name = "mailbox/admin/dashboard_panel.html"
    order = 90  # above Wagtail's own panels: unanswered letters come first

    class Media:
        css = {"all": ["mailbox/css/mailbox_admin.css"]}

    def __init__(self, user):
        self.user = user

    def is_shown(self):
        return can_use_mailbox_admin(self.user)

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown() else ""

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        letters = Letter.objects.visible_to(self.user)
        open_letters = letters.open()
        warning_since = today - timedelta(days=setting("WARNING_DAYS"))
        long_pending = open_letters.filter(created_at__date__lte=warning_since).order_by("created_at")
        return {
            "open_count": open_letters.count(),
            "overdue_count": open_letters.filter(due_date__lt=today).count(),
            "due_soon_count": open_letters.filter(
                due_date__gte=today, due_date__lte=add_workdays(today, setting("DUE_SOON_WORKDAYS"))
            ).count(),
            "awaiting_approval_count": letters.filter(status=Status.DRAFTED).count()
            if can_approve(self.user)
            else None,
            "long_pending_count": long_pending.count(),
            "long_pending": [
                {"letter": letter, "days_left": (letter.three_month_limit - today).days}
                for letter in long_pending[:LONG_PENDING_SHOWN]
            ],
            "warning_days": setting("WARNING_DAYS"),
        }
