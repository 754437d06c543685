"""网站健康检查 in the admin: report pages, a Reports menu entry and a dashboard panel, for the office."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .inspection import inspect_links
from .panels import InspectionPanel
from .permissions import can_view_inspection


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("inspection/", views.report, name="inspection_report"),
        path("inspection/excel/", views.excel, name="inspection_excel"),
        path("inspection/print/", views.print_view, name="inspection_print"),
    ]


class InspectionMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_inspection(request.user)


@hooks.register("register_reports_menu_item")
def register_inspection_menu_item():
    return InspectionMenuItem("网站健康检查", reverse("inspection_report"), icon_name="warning", order=50)


@hooks.register("construct_homepage_panels")
def add_inspection_panel(request, panels):
    if can_view_inspection(request.user):
        panels.append(InspectionPanel())


hooks.register("register_site_inspection", inspect_links)
