from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import can_view, report


@hooks.register("register_admin_urls")
def register_analytics_urls():
    """The visitor statistics report, under 报表."""
    return [path("reports/visits/", report, name="analytics_report")]


class VisitsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_visits_menu_item():
    """Listed under 报表 for superusers and those granted 'view' on 每日访问统计."""
    return VisitsMenuItem("访问统计", reverse("analytics_report"), name="visits", icon_name="table", order=900)
