"""Dashboard panels: the leader's pending signatures, overdue confirmations, the unit's items to confirm,
and items sent back."""

from functools import cached_property

from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

from .models import PostPublicationCheck, ReportedItem, UnitLeaderSignTask, UnitMember
from .permissions import is_reviewer, membership

PANEL_LIMIT = 20


def pending_signatures(member):
    """The sign steps in progress on the items of ``member``'s unit, oldest first."""
    object_ids = (
        ReportedItem.objects.filter(unit_id=member.unit_id)
        .annotate(object_id=Cast("page_id", CharField()))
        .values("object_id")
    )
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task_id__in=UnitLeaderSignTask.objects.values("pk"),
            workflow_state__base_content_type=get_default_page_content_type(),
            workflow_state__object_id__in=object_ids,
        )
        .select_related("task", "workflow_state__requested_by__unit_membership")
        .order_by("started_at", "pk")
    )


def person_name(user):
    """People are shown by their name in the unit list, not by their login."""
    if user is None:
        return ""
    member = getattr(user, "unit_membership", None)
    return member.name if member else (user.get_full_name() or user.get_username())


class PendingSignaturesPanel(Component):
    """For a unit's leader: the items waiting for their signature. First on the dashboard, and laid out
    for a phone, because leaders mostly sign away from their desk."""

    name = "review_pending_signatures"
    template_name = "review/panels/pending_signatures.html"
    order = 10

    class Media:
        js = ["review/js/dashboard.js"]

    def __init__(self, user, member):
        self.user = user
        self.member = member

    @cached_property
    def task_states(self):
        return list(pending_signatures(self.member)[:PANEL_LIMIT])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["request"] = parent_context["request"]
        context["csrf_token"] = parent_context["csrf_token"]
        states = self.task_states
        pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
        context["unit"] = self.member.unit
        context["items"] = [
            {
                "page": page,
                "task_state": state,
                "submitted_by": person_name(state.workflow_state.requested_by),
                "actions": state.task.specific.get_actions(page, self.user),
            }
            for state in states
            if (page := pages.get(int(state.workflow_state.object_id))) is not None
        ]
        return context


class OtherReviewsPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "awaiting your review" panel without the signatures the leader's own panel lists."""

    def __init__(self, signed_elsewhere):
        self.signed_elsewhere = signed_elsewhere

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["states"] = [item for item in context["states"] if item["task_state"].pk not in self.signed_elsewhere]
        return context


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
    if member is not None and member.role == UnitMember.ROLE_LEADER:
        signatures = PendingSignaturesPanel(user, member)
        panels.append(signatures)
        listed = {state.pk for state in signatures.task_states}
        panels[:] = [
            OtherReviewsPanel(listed) if panel.name == WorkflowObjectsToModeratePanel.name else panel
            for panel in panels
        ]
    if member is not None:
        panels.append(SentBackPanel(member.unit))
        panels.append(UnitChecksPanel(member.unit))
    if is_reviewer(user):
        panels.append(OverdueChecksPanel())
