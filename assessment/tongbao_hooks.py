"""Admin side of the 正式通报 and the 约谈 follow-up: menu items, the follow-up snippets, the dashboard panel."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import followup
from .models import InterviewFollowUp
from .views import PERMISSION

PANEL_LIMIT = 10


class FollowUpPermissionPolicy(ModelPermissionPolicy):
    """Follow-ups are created by issuing a 通报, one per unit on its 约谈 list; nobody adds them by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class InterviewFollowUpViewSet(SnippetViewSet):
    model = InterviewFollowUp
    icon = "group"
    menu_label = "约谈跟进"
    add_to_admin_menu = False
    list_display = ["unit", "tongbao", "held_on", "due", "closed_on"]
    list_filter = ["closed_on"]
    search_fields = ["agreed", "attendees"]


register_permission_policy(InterviewFollowUp, FollowUpPermissionPolicy(InterviewFollowUp))
register_snippet(InterviewFollowUpViewSet)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_assessment_menu_item")
def tongbao_menu_item():
    """The 正式通报 list, next to the live report."""
    return ReportMenuItem("正式通报", reverse("assessment:tongbao_index"), icon_name="doc-full", order=2)


@hooks.register("register_assessment_menu_item")
def followup_menu_item():
    """The 约谈 follow-ups, for the office that records the talks."""
    return ReportMenuItem(
        "约谈跟进", reverse("wagtailsnippets_assessment_interviewfollowup:list"), icon_name="group", order=3
    )


@hooks.register("register_permissions")
def register_tongbao_permission():
    """Issuing gives a document number and freezes the 通报: its own permission, apart from reading reports."""
    return Permission.objects.filter(content_type__app_label="assessment", codename="issue_tongbao")


class OverdueFollowUpsPanel(Component):
    """For the office: 约谈 not held in time, or whose agreed improvement is past its deadline."""

    name = "assessment_overdue_followups"
    template_name = "assessment/tongbao/overdue_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.user.has_perm(PERMISSION) else ""

    def get_context_data(self, parent_context=None):
        overdue = followup.overdue()
        return {"total": overdue.count(), "followups": list(overdue[:PANEL_LIMIT])}


@hooks.register("construct_homepage_panels")
def add_overdue_followups_panel(request, panels):
    panels.append(OverdueFollowUpsPanel(request.user))


@hooks.register("register_log_actions")
def register_tongbao_log_actions(actions):
    """Issuing a 通报 is in the audit trail with its document number."""
    actions.register_action("assessment.tongbao_issue", "印发考核通报", "印发了考核通报")
