"""Admin side of the assessment: the 考核通报 menu with the report and the editable rules."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import urls
from .models import (
    Author,
    Authorship,
    HigherAdoption,
    QuotaRule,
    RuleVersion,
    UnitAssessmentStart,
    UnitLineage,
)
from .views import PERMISSION

MENU_HOOK = "register_assessment_menu_item"


class QuotaRuleViewSet(SnippetViewSet):
    model = QuotaRule
    icon = "list-ol"
    menu_label = "报送任务"
    list_display = ["category", "period", "minimum"]


class HigherAdoptionViewSet(SnippetViewSet):
    model = HigherAdoption
    icon = "pick"
    menu_label = "上级采用"
    list_display = ["title", "unit", "platform", "level", "date", "page"]
    list_filter = ["level"]
    search_fields = ["title", "platform"]


class UnitLineageViewSet(SnippetViewSet):
    model = UnitLineage
    icon = "resubmit"
    menu_label = "单位合并"
    list_display = ["old_unit", "new_unit", "merged_on"]


class UnitAssessmentStartViewSet(SnippetViewSet):
    model = UnitAssessmentStart
    icon = "date"
    menu_label = "单位设立日期"
    list_display = ["unit", "since"]


class AuthorViewSet(SnippetViewSet):
    """The writers ranked individually, with the cadre rank the rule "科级干部带头写，股室长示范写" names."""

    model = Author
    icon = "user"
    menu_label = "撰稿人"
    list_display = ["name", "unit", "rank", "position"]
    list_filter = ["rank"]
    search_fields = ["name", "position"]


class AuthorshipViewSet(SnippetViewSet):
    """Who wrote which reported item: the office records it, one row per author."""

    model = Authorship
    icon = "edit"
    menu_label = "撰稿登记"
    list_display = ["page", "author"]


class RuleVersionViewSet(SnippetViewSet):
    """The history of the scoring rules: each change applies from the month it names, so past periods keep
    the rules they were assessed by."""

    model = RuleVersion
    icon = "history"
    menu_label = "考核规则调整"
    list_display = ["effective_from", "note", "submitted", "adopted", "commend_top", "created_by", "created_at"]


class AssessmentViewSetGroup(SnippetViewSetGroup):
    menu_label = "考核通报"
    menu_icon = "table"
    menu_order = 260
    submenu_hook = MENU_HOOK
    items = (
        QuotaRuleViewSet,
        RuleVersionViewSet,
        HigherAdoptionViewSet,
        AuthorViewSet,
        AuthorshipViewSet,
        UnitLineageViewSet,
        UnitAssessmentStartViewSet,
    )


register_snippet(AssessmentViewSetGroup)


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register(MENU_HOOK)
def report_menu_item():
    return ReportMenuItem("考核通报", reverse("assessment:report"), icon_name="table", order=1)


@hooks.register(MENU_HOOK)
def summary_menu_item():
    """The quarter, half-year, annual and year-to-date figures reported upward (年度目标考核)."""
    return ReportMenuItem("考核汇总", reverse("assessment:summary"), icon_name="history", order=2)


@hooks.register("register_admin_urls")
def register_assessment_urls():
    return [path("assessment/", include(urls, namespace="assessment"))]


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(content_type__app_label="assessment", codename="view_report")


@hooks.register("after_create_snippet")
def record_rule_version_author(request, instance):
    """A rule change names who made it (the audit log also has every edit)."""
    if isinstance(instance, RuleVersion) and instance.created_by_id is None:
        RuleVersion.objects.filter(pk=instance.pk).update(created_by=request.user)


from . import tongbao_hooks  # noqa: E402, F401  (正式通报 and 约谈跟进: menu, snippets, dashboard panel)
