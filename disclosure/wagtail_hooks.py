"""Admin of 依申请公开: the queue with the statutory reply deadline, extension and answer."""

import django_filters

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intake.admin import NoAddPermissionPolicy

from .admin_views import InformationRequestAdminForm, InformationRequestEditView
from .inspection import inspect_information_requests
from .models import InformationRequest


class DeadlineColumn(Column):
    """The current deadline (extended or statutory), with overdue requests flagged."""

    cell_template_name = "disclosure/admin/deadline_cell.html"


class InformationRequestFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="已超期", method="filter_overdue")

    class Meta:
        model = InformationRequest
        fields = ["status", "outcome"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = InformationRequest.objects.overdue().values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class InformationRequestViewSet(SnippetViewSet):
    """Answer 政府信息公开申请 within the 20 working days of 条例 第三十三条, extended once if approved."""

    model = InformationRequest
    icon = "doc-full-inverse"
    menu_label = "依申请公开"
    menu_name = "disclosure-requests"
    add_to_admin_menu = True
    menu_order = 253
    list_display = [
        "tracking_number",
        "applicant_name",
        Column("masked_id_number", label="证件号码"),
        "status",
        DeadlineColumn("reply_deadline", label="答复期限"),
        "received_at",
    ]
    filterset_class = InformationRequestFilterSet
    search_fields = ["tracking_number", "applicant_name", "description"]
    search_backend_name = None
    ordering = ["-received_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = False
    edit_view_class = InformationRequestEditView
    edit_handler = ObjectList(
        [
            HelpPanel(template="disclosure/admin/request_panel.html", heading="申请内容"),
            MultiFieldPanel(
                [FieldPanel("extend"), FieldPanel("extend_reason"), FieldPanel("extend_approver")],
                heading="延长答复期限",
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("outcome"), FieldPanel("reply"), FieldPanel("note")],
                heading="办理与答复",
            ),
            FieldPanel("internal_note"),
            HelpPanel(template="disclosure/admin/history_panel.html", heading="办理记录"),
        ],
        base_form_class=InformationRequestAdminForm,
    )


# Requests come only from the public form, which issues the tracking number and the query code.
register_permission_policy(InformationRequest, NoAddPermissionPolicy(InformationRequest))
register_snippet(InformationRequestViewSet)


hooks.register("register_site_inspection", inspect_information_requests)
