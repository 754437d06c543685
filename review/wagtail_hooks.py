"""Admin side of the publication review: the 信息报送 menu, the unit restrictions, dashboard panels."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet, SnippetViewSetGroup

from . import urls
from .bulk_actions import SetAssessedFromBulkAction
from .inspection import inspect_wording
from .integrity import restart_if_changed
from .models import LeaderName, OfficialName, ReportedItem, ReportingUnit, SensitiveWord, TermCorrection
from .office_entry import entry_refusal, is_office, scan_task_state
from .panels import add_panels
from .permissions import hidden_drafts_filter, is_reviewer, is_unit_only, membership

MENU_HOOK = "register_review_menu_item"


class ReportingUnitDeleteView(DeleteView):
    """A unit whose items are on record stays: the 审批单 of those items name it."""

    def dispatch(self, request, *args, **kwargs):
        if ReportedItem.objects.filter(unit_id=self.object.pk).exists():
            messages.error(request, f"“{self.object}”已有报送信息，不能删除；可将其人员的后台账号停用。")
            return redirect(self.get_success_url())
        return super().dispatch(request, *args, **kwargs)


class ReportingUnitViewSet(SnippetViewSet):
    model = ReportingUnit
    delete_view_class = ReportingUnitDeleteView
    icon = "group"
    menu_label = "单位管理"
    list_display = ["name", "category", "reports_items", "handles_letters", "assessed_from", "phone", "sort_order"]
    list_filter = ["category", "reports_items", "handles_letters"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = "敏感词"
    list_display = ["word", "level", "note"]
    list_filter = ["level"]
    search_fields = ["word"]


class TermCorrectionViewSet(SnippetViewSet):
    model = TermCorrection
    icon = "edit"
    menu_label = "规范表述"
    list_display = ["wrong", "right", "level"]
    list_filter = ["level"]
    search_fields = ["wrong", "right"]


class LeaderNameViewSet(SnippetViewSet):
    model = LeaderName
    icon = "user"
    menu_label = "领导姓名职务"
    list_display = ["name", "titles", "active", "sort_order"]
    list_filter = ["active"]
    search_fields = ["name", "titles"]


class OfficialNameViewSet(SnippetViewSet):
    model = OfficialName
    icon = "site"
    menu_label = "机构规范名称"
    list_display = ["name", "wrong_forms"]
    search_fields = ["name", "wrong_forms"]


class ReviewViewSetGroup(SnippetViewSetGroup):
    """单位管理 (the one list of units), word lists and the review's own pages under one 信息报送 menu."""

    menu_label = "信息报送"
    menu_icon = "clipboard-list"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = (ReportingUnitViewSet, SensitiveWordViewSet, TermCorrectionViewSet, LeaderNameViewSet, OfficialNameViewSet)


register_snippet(ReviewViewSetGroup)
hooks.register("register_bulk_action", SetAssessedFromBulkAction)
hooks.register("register_site_inspection", inspect_wording)


class ChecksMenuItem(MenuItem):
    def is_shown(self, request):
        return membership(request.user) is not None or is_reviewer(request.user)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(MENU_HOOK)
def checks_menu_item():
    return ChecksMenuItem("发布后复查", reverse("review:my_checks"), icon_name="tasks", order=10)


@hooks.register(MENU_HOOK)
def import_menu_item():
    return PermissionMenuItem(
        "导入通讯录",
        reverse("review:import_contacts"),
        icon_name="upload",
        order=20,
        permission="review.add_reportingunit",
    )


@hooks.register(MENU_HOOK)
def export_menu_item():
    return PermissionMenuItem(
        "导出通讯录",
        reverse("review:export_contacts"),
        icon_name="download",
        order=21,
        permission="review.view_reportingunit",
    )


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("review/", include(urls, namespace="review"))]


@hooks.register("construct_explorer_page_queryset")
def hide_other_units_drafts(parent_page, pages, request):
    """Correspondents and unit leaders see their own unit's drafts and published pages, never other units' drafts.

    Nor the listing of such a draft itself (/admin/pages/<id>/, which shows its title): 404, as if absent."""
    if is_unit_only(request.user):
        if (
            parent_page is not None
            and Page.objects.filter(hidden_drafts_filter(request.user), pk=parent_page.pk).exists()
        ):
            raise Http404
        # A list of ids rather than a join: the admin search backend filters on indexed fields only.
        hidden = Page.objects.filter(hidden_drafts_filter(request.user)).values_list("pk", flat=True)
        pages = pages.exclude(pk__in=list(hidden))
    return pages


@hooks.register("construct_page_chooser_queryset")
def hide_other_units_drafts_in_choosers(pages, request):
    """Nor in the page chooser used for internal links."""
    return hide_other_units_drafts(None, pages, request)


@hooks.register("before_edit_page")
def forbid_other_units_items(request, page):
    """Even with page permissions widened by mistake, a unit never edits another unit's item."""
    if not is_unit_only(request.user):
        return None
    reported = ReportedItem.objects.filter(page_id=page.pk).values_list("unit_id", flat=True).first()
    if reported != membership(request.user).unit_id:
        raise PermissionDenied
    return None


@hooks.register("before_publish_page")
def publish_only_through_the_workflow(request, page):
    """Nothing reaches the site without the review: only superusers publish directly from the editor;
    everyone else submits, and the final approval publishes."""
    if request.user.is_superuser or page.get_workflow() is None:
        return None
    messages.error(request, "信息须经审核流程发布：请点击“提交审核”。")
    return redirect("wagtailadmin_pages:edit", page.pk) if page.pk else redirect("wagtailadmin_home")


@hooks.register("after_edit_page")
def restart_review_after_change(request, page):
    """A save or resubmission that changes what earlier steps approved sends the item back to the first step."""
    if message := restart_if_changed(page, request.user):
        messages.warning(request, message)


@hooks.register("before_bulk_action")
def no_bulk_publishing_outside_the_workflow(request, action_type, objects, action_class_instance):
    """The bulk "publish" of the page listing would skip the review just like the editor's button."""
    if action_type != "publish" or request.user.is_superuser:
        return None
    if any(isinstance(obj, Page) and obj.get_workflow() is not None for obj in objects):
        messages.error(request, "信息须经审核流程发布，不能批量直接发布。")
        return redirect("wagtailadmin_home")
    return None


def trail_button(page, priority):
    if page.depth <= 2:  # the root and the home page are never reported items
        return None
    return Button("审批单", reverse("review:trail", args=[page.pk]), icon_name="clipboard-list", priority=priority)


@hooks.register("register_page_listing_more_buttons")
def trail_listing_button(page, user, next_url=None):
    """Every item's 信息报送审批单 is one click from the page listing."""
    if button := trail_button(page, 55):
        yield button


@hooks.register("register_page_header_buttons")
def trail_header_button(page, user, view_name, next_url=None):
    if button := trail_button(page, 66):
        yield button


@hooks.register("register_page_header_buttons")
def office_entry_header_buttons(page, user, view_name, next_url=None):
    """The office enters a unit's paper material on its behalf, then evidences the leader's paper signature."""
    if page.depth <= 2 or not page.pk or not is_office(user):
        return
    if entry_refusal(page, user) is None:
        yield Button("代单位录入", reverse("review:office_entry", args=[page.pk]), icon_name="group", priority=67)
    if scan_task_state(page) is not None:
        yield Button(
            "上传签字扫描件", reverse("review:signature_scan", args=[page.pk]), icon_name="upload", priority=68
        )


@hooks.register("construct_homepage_panels")
def review_panels(request, panels):
    """Pending signatures for a unit's leader, sent-back items and confirmations for a unit's people; overdue
    confirmations for the office."""
    add_panels(request, panels)


@hooks.register("insert_global_admin_css")
def review_admin_css():
    """Keeps the signing dialog above the editor's action menu, and lays out the pending signatures for phones."""
    return format_html('<link rel="stylesheet" href="{}">', static("review/css/admin.css"))


@hooks.register("register_log_actions")
def review_log_actions(actions):
    actions.register_action("review.workflow.restart", "重新审核", "信息在审核中被修改，审核从签字重新开始")
    actions.register_action("review.unit.assessed_from", "设置考核起始", "设置单位从哪一期起参加考核")
    actions.register_action("review.office_entry", "代单位录入", "办公室代报送单位录入信息")
    actions.register_action("review.sign.scan", "纸质签字扫描件", "办公室上传报送单位领导签字的纸质审批单扫描件")
    actions.register_action("review.sign.locked", "签字锁定", "签字密码多次输错，签字已锁定")
    actions.register_action("review.post_check.confirm", "发布后复查确认", "报送单位确认发布无误")
    actions.register_action("review.post_check.error", "发布后复查报错", "报送单位报告发布错误")
