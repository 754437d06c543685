"""Admin features of the portal project itself."""

from urllib.parse import urlsplit

from django.http import Http404
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import cache_headers
from .documents import may_serve
from .models import WorkdayAdjustment
from .notify.views import FailedNoticesView, permission_policy


class WorkdayAdjustmentViewSet(SnippetViewSet):
    """Lets operators enter next year's holiday schedule before the calendar package ships it."""

    model = WorkdayAdjustment
    icon = "date"
    menu_label = "工作日调整"
    add_to_settings_menu = True
    list_display = ["date", "is_workday", "reason"]
    list_filter = ["is_workday"]
    ordering = ["-date"]


register_snippet(WorkdayAdjustmentViewSet)


@hooks.register("construct_help_menu")
def drop_help_items_on_the_internet(request, menu_items):
    """Wagtail's 帮助 menu links to guide.wagtail.org, which an intranet cannot reach: keep local items only."""
    menu_items[:] = [item for item in menu_items if not urlsplit(getattr(item, "url", "") or "").netloc]


class FailedNoticesMenuItem(MenuItem):
    def is_shown(self, request):
        return permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_failed_notices_urls():
    """Operators see which notices gave up, to fix the address or channel and run deliver_outbox --retry-failed."""
    return [
        path("reports/failed-notices/", FailedNoticesView.as_view(), name="portal_failed_notices"),
        path(
            "reports/failed-notices/results/",
            FailedNoticesView.as_view(results_only=True),
            name="portal_failed_notices_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_notices_menu_item():
    """Listed under 报表 for those who may view the outbox (superusers unless granted)."""
    return FailedNoticesMenuItem(
        "发送失败的通知", reverse("portal_failed_notices"), name="failed-notices", icon_name="warning", order=1000
    )


@hooks.register("before_serve_document")
def keep_unpublished_documents_private(document, request):
    """A unit's attachment stays private until a live page uses it or an editor makes it public."""
    if not may_serve(document, request.user):
        raise Http404


@hooks.register("before_serve_page")
def mark_page_purged(page, request, serve_args, serve_kwargs):
    """Wagtail pages are purged from nginx when they change, so their Cache-Control may keep them long."""
    cache_headers.mark_page_purged(page, request, serve_args, serve_kwargs)
