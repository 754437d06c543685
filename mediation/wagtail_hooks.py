"""综治调解 in the admin: the requests (handled by staff, never added there) and the directory of organisations."""

import django_filters

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from intake.admin import NoAddPermissionPolicy

from .models import MediationOrganisation, MediationRequest, directory_areas


class MediationRequestEditView(EditView):
    """Records each status change as an event with the staff member and the time."""

    def save_instance(self):
        previous = MediationRequest.objects.values_list("status", flat=True).get(pk=self.object.pk)
        instance = super().save_instance()
        if instance.status != previous:
            instance.record_event(from_status=previous, to_status=instance.status, user=self.request.user)
        return instance


class OrganisationFilterSet(WagtailFilterSet):
    area = django_filters.ChoiceFilter(label="所在街道/乡镇", choices=lambda: [(a, a) for a in directory_areas()])

    class Meta:
        model = MediationOrganisation
        fields = ["kind", "area"]


class MediationOrganisationViewSet(SnippetViewSet):
    """The directory the column page shows; kept by the 综治 office."""

    model = MediationOrganisation
    icon = "group"
    menu_label = "调解组织名录"
    list_display = ["name", "kind", "area", "phone"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name"]
    ordering = ["area", "name"]


class MediationRequestViewSet(SnippetViewSet):
    """Where staff accept, assign and close online requests; the applicant's data is shown but cannot be altered."""

    model = MediationRequest
    icon = "clipboard-list"
    menu_label = "在线调解申请"
    list_display = ["tracking_number", "applicant_name", "phone", "dispute_type", "area", "status", "submitted_at"]
    list_filter = ["status", "dispute_type"]
    search_fields = ["tracking_number", "applicant_name"]
    ordering = ["-submitted_at"]
    copy_view_enabled = False
    edit_view_class = MediationRequestEditView
    panels = [
        HelpPanel(template="mediation/mediation_request_summary_panel.html", heading="申请信息"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("organisation"),
                FieldPanel("rejection_reason"),
                FieldPanel("public_note"),
            ],
            heading="办理",
        ),
        FieldPanel("internal_note"),
        HelpPanel(template="mediation/mediation_request_history_panel.html", heading="办理记录"),
    ]


class MediationViewSetGroup(SnippetViewSetGroup):
    menu_label = "综治调解"
    menu_icon = "group"
    items = (MediationRequestViewSet, MediationOrganisationViewSet)


# Requests come only from the public form (which issues the number and code), so nobody adds one in the admin.
register_permission_policy(MediationRequest, NoAddPermissionPolicy(MediationRequest))
register_snippet(MediationViewSetGroup)
