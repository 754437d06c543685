"""Admin of 网站纠错: the queue with its two working-day deadlines."""

import django_filters

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intake.admin import NoAddPermissionPolicy

from .admin_views import ErrorReportAdminForm, ErrorReportEditView
from .inspection import inspect_error_reports
from .models import ErrorReport


class DeadlineColumn(Column):
    """办结期限 with the running or missed deadline, so no report waits past the rule unnoticed."""

    cell_template_name = "feedback/admin/deadline_cell.html"


class ErrorReportFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="已超期", method="filter_overdue")

    class Meta:
        model = ErrorReport
        fields = ["status", "error_type"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = ErrorReport.objects.acknowledge_overdue() | ErrorReport.objects.resolve_overdue()
        overdue = overdue.values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class ErrorReportViewSet(SnippetViewSet):
    """Acknowledge, fix and answer the reports visitors send through 我为政府网站找错."""

    model = ErrorReport
    icon = "warning"
    menu_label = "网站纠错"
    menu_name = "feedback"
    add_to_admin_menu = True
    menu_order = 252
    list_display = [
        "tracking_number",
        "error_type",
        Column("page_url", label="出错页面地址"),
        "status",
        DeadlineColumn("resolve_deadline", label="办结期限"),
        "received_at",
    ]
    filterset_class = ErrorReportFilterSet
    search_fields = ["tracking_number", "page_url", "description"]
    search_backend_name = None
    ordering = ["-received_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = ErrorReportEditView
    edit_handler = ObjectList(
        [
            HelpPanel(template="feedback/admin/report_panel.html", heading="纠错内容"),
            MultiFieldPanel([FieldPanel("status"), FieldPanel("reply"), FieldPanel("note")], heading="办理"),
            FieldPanel("internal_note"),
            HelpPanel(template="feedback/admin/history_panel.html", heading="办理记录"),
        ],
        base_form_class=ErrorReportAdminForm,
    )


# Reports come only from the public form, which issues the tracking number and the query code.
register_permission_policy(ErrorReport, NoAddPermissionPolicy(ErrorReport))
register_snippet(ErrorReportViewSet)


hooks.register("register_site_inspection", inspect_error_reports)
