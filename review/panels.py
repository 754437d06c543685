"""Dashboard panels: overdue confirmations, the unit's items to confirm, and items sent back."""

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

from .models import PostPublicationCheck, ReportedItem
from .permissions import is_reviewer, membership

PANEL_LIMIT = 20


class OverdueChecksPanel(Component):
    """For the office: every published item whose unit has not confirmed it in time."""

    name = "review_overdue_checks"
    template_name = "review/panels/overdue_checks.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        overdue = PostPublicationCheck.objects.filter(
            status=PostPublicationCheck.STATUS_PENDING, due_date__lt=timezone.localdate()
        ).select_related("page", "unit")
        context["total"] = overdue.count()
        context["checks"] = list(overdue.order_by("due_date", "pk")[:PANEL_LIMIT])
        return context


class UnitChecksPanel(Component):
    """For a unit's people: their published items waiting for confirmation (the publication notice)."""

    name = "review_unit_checks"
    template_name = "review/panels/unit_checks.html"
    order = 80

    def __init__(self, unit):
        self.unit = unit

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["unit"] = self.unit
        context["today"] = timezone.localdate()
        context["checks"] = list(
            PostPublicationCheck.objects.filter(unit=self.unit, status=PostPublicationCheck.STATUS_PENDING)
            .select_related("page")
            .order_by("due_date", "pk")[:PANEL_LIMIT]
        )
        return context


class SentBackPanel(Component):
    """For a unit's people: their items a reviewer sent back, with the step and the reviewer's comment."""

    name = "review_sent_back"
    template_name = "review/panels/sent_back.html"
    order = 70

    def __init__(self, unit):
        self.unit = unit

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        object_ids = (
            ReportedItem.objects.filter(unit=self.unit)
            .annotate(object_id=Cast("page_id", CharField()))
            .values("object_id")
        )
        states = list(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_NEEDS_CHANGES,
                base_content_type=get_default_page_content_type(),
                object_id__in=object_ids,
            )
            .select_related("current_task_state__task", "current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")[:PANEL_LIMIT]
        )
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        context["items"] = [
            {"page": pages.get(int(state.object_id)), "task_state": state.current_task_state}
            for state in states
            if state.current_task_state and state.current_task_state.status == TaskState.STATUS_REJECTED
        ]
        return context


def add_panels(request, panels):
    user = request.user
    member = membership(user)
    if member is not None:
        panels.append(SentBackPanel(member.unit))
        panels.append(UnitChecksPanel(member.unit))
    if is_reviewer(user):
        panels.append(OverdueChecksPanel())
