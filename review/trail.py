"""An item's whole review trail, as the 信息报送审批单 shows it (HTML print view and PDF)."""

from dataclasses import dataclass, field

from django.utils import timezone

from wagtail.models import Revision, TaskState, WorkflowState

from .models import CheckReport, PostPublicationCheck, ReportedItem, Signature
from .people import person_label
from .revisions import diff

TASK_STATUS = {
    TaskState.STATUS_IN_PROGRESS: "待处理",
    TaskState.STATUS_APPROVED: "通过",
    TaskState.STATUS_REJECTED: "退回修改",
    TaskState.STATUS_SKIPPED: "不适用",
    TaskState.STATUS_CANCELLED: "已撤回",
}
WORKFLOW_STATUS = {
    WorkflowState.STATUS_IN_PROGRESS: "审核中",
    WorkflowState.STATUS_APPROVED: "审核通过",
    WorkflowState.STATUS_NEEDS_CHANGES: "退回修改",
    WorkflowState.STATUS_CANCELLED: "已撤回",
}


def local(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


@dataclass
class Step:
    name: str
    status: str
    status_code: str
    actor: str
    started_at: str
    finished_at: str
    comment: str
    signature: object = None
    check_reports: list = field(default_factory=list)
    revision_id: int | None = None
    changes: list = field(default_factory=list)  # [(field label, ["- old", "+ new"])] since the previous step


@dataclass
class Round:
    """One submission of the item to the workflow."""

    number: int
    workflow: str
    status: str
    requested_by: str
    started_at: str
    steps: list


@dataclass
class Trail:
    page: object
    reported: object
    rounds: list
    post_checks: list

    @property
    def title(self):
        return self.page.get_admin_display_title()


def build_trail(page):
    reported = (
        ReportedItem.objects.select_related("unit", "correspondent", "entered_by__unit_membership")
        .filter(page_id=page.pk)
        .first()
    )
    states = (
        WorkflowState.objects.for_instance(page).select_related("workflow", "requested_by").order_by("created_at", "pk")
    )
    signatures = {
        s.task_state_id: s
        for s in Signature.objects.filter(page_id=page.pk).select_related("uploaded_by__unit_membership")
    }
    reports = {}
    for report in CheckReport.objects.filter(page_id=page.pk).select_related("checked_by"):
        reports.setdefault(report.task_state_id, []).append(report)
    rounds = []
    previous = None  # the revision the previous step saw, across rounds
    for number, state in enumerate(states, start=1):
        if previous is None:  # what was submitted
            previous = (
                Revision.objects.for_instance(page)
                .filter(created_at__lte=state.created_at)
                .order_by("-created_at")
                .first()
            )
        task_states = (
            TaskState.objects.filter(workflow_state=state)
            .select_related("task", "revision", "finished_by", "finished_by__unit_membership")
            .order_by("started_at", "pk")
        )
        steps = []
        for task_state in task_states:
            changes = diff(previous, task_state.revision) if previous is not None else []
            previous = task_state.revision or previous
            steps.append(
                Step(
                    name=task_state.task.name,
                    status=TASK_STATUS.get(task_state.status, task_state.status),
                    status_code=task_state.status,
                    actor=person_label(task_state.finished_by),
                    started_at=local(task_state.started_at),
                    finished_at=local(task_state.finished_at),
                    comment=task_state.comment,
                    signature=signatures.get(task_state.pk),
                    check_reports=reports.get(task_state.pk, []),
                    revision_id=task_state.revision_id,
                    changes=changes,
                )
            )
        rounds.append(
            Round(
                number=number,
                workflow=state.workflow.name,
                status=WORKFLOW_STATUS.get(state.status, state.status),
                requested_by=person_label(state.requested_by),
                started_at=local(state.created_at),
                steps=steps,
            )
        )
    post_checks = list(
        PostPublicationCheck.objects.filter(page_id=page.pk).select_related("handled_by__unit_membership")
    )
    return Trail(page=page, reported=reported, rounds=rounds, post_checks=post_checks)
