"""Admin side of the annual report: its menu item, URLs, permission and the January reminder."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .dashboard import AnnualReportReminderPanel
from .models import PERMISSION


class AnnualReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def annual_report_menu_item():
    """网站年度报表 for the office and the site administrators only."""
    return AnnualReportMenuItem("网站年度报表", reverse("annual_report:index"), icon_name="doc-full", order=265)


@hooks.register("register_admin_urls")
def register_annual_report_urls():
    """The report's own views (list, edit, exports, publish) under /admin/annual-report/."""
    return [path("annual-report/", include(urls, namespace="annual_report"))]


@hooks.register("register_permissions")
def register_annual_report_permission():
    """So the permission can be granted to a group in Wagtail's group editor."""
    return Permission.objects.filter(content_type__app_label="annual_report", codename="manage_annualreport")


@hooks.register("construct_homepage_panels")
def add_reminder_panel(request, panels):
    """In January, a reminder until last year's report is issued (the national rule: publish by 31 January)."""
    panels.append(AnnualReportReminderPanel(request.user))
