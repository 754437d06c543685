"""What is approved is what goes live.

Every approval records the revision it approved (``TaskState.revision``, ``Signature.revision``,
``CheckReport.revision``). Before a step is approved, and when an item is saved or resubmitted during
its review, the latest revision is compared with the revisions the earlier steps approved; if its
content changed, those approvals no longer cover it and the review starts again from the first step
(the leader signs again, the automatic check runs again). The final approval publishes exactly the
revision it approved (``review.revisions.publish_approved_revision``, the ``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Content is compared by ``review.revisions``.
"""

from django.conf import settings

from wagtail.log_actions import log
from wagtail.models import TaskState

from .checks import blocking, run_checks
from .revisions import same_content

RESTART_MESSAGE = "信息在签字或检查后被修改，原签字和检查已失效：已退回报送单位领导重新签字，并将重新检查。"


def latest_revision(obj):
    return obj.get_latest_revision()


def approved_states(workflow_state):
    return (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_APPROVED)
        .select_related("revision")
        .order_by("finished_at", "pk")
    )


def invalidated_states(workflow_state, revision=None):
    """The approved steps of this round whose revision differs in content from ``revision`` (the latest)."""
    revision = revision or latest_revision(workflow_state.content_object)
    return [state for state in approved_states(workflow_state) if not same_content(state.revision, revision)]


def restart(workflow_state, user, task_state=None):
    """Cancel the round and start the workflow again from its first step, keeping the original requester."""
    page = workflow_state.content_object.specific
    requested_by = workflow_state.requested_by
    findings = blocking(run_checks(latest_revision(page).as_object()))
    message = RESTART_MESSAGE
    if findings:
        message += "自动检查已发现必须处理的问题：" + "；".join(finding.message for finding in findings) + "。"
    workflow_state.cancel(user=user)
    cancelled = TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_CANCELLED)
    if task_state is not None:
        cancelled = cancelled.filter(pk=task_state.pk)
    cancelled.update(comment=message)
    log(instance=page, action="review.workflow.restart", user=user, data={"message": message})
    new_state = workflow_state.workflow.start(page, user)
    if requested_by is not None and new_state.requested_by_id != requested_by.pk:
        new_state.requested_by = requested_by
        new_state.save(update_fields=["requested_by"])
    return message


def guard_approval(task_state, user):
    """Before ``task_state`` is approved: record the revision it approves, or restart the review if the
    content changed since an earlier step. Returns the restart message, or None when the approval may go on."""
    workflow_state = task_state.workflow_state
    revision = latest_revision(workflow_state.content_object)
    if invalidated_states(workflow_state, revision):
        return restart(workflow_state, user, task_state)
    if task_state.revision_id != revision.pk:
        task_state.revision = revision
        task_state.save(update_fields=["revision"])
    return None


def restart_if_changed(page, user):
    """After a save or resubmission during the review: earlier approvals that no longer cover the content
    send the item back to the first step. Returns the restart message, or None."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_IN_PROGRESS:
        return None
    if not invalidated_states(workflow_state):
        return None
    return restart(workflow_state, user, workflow_state.current_task_state)


def is_self_approval(obj, user, task_state):
    """The person who submitted the item, or edited it at an earlier step, does not approve it, unless one
    of their groups is listed in ``REVIEW_SELF_APPROVAL_GROUPS``."""
    workflow_state = task_state.workflow_state
    involved = user.pk == workflow_state.requested_by_id
    if not involved:
        revision = latest_revision(obj)
        involved = revision is not None and revision.user_id == user.pk and revision.created_at < task_state.started_at
    if not involved:
        return False
    allowed = getattr(settings, "REVIEW_SELF_APPROVAL_GROUPS", [])
    return not (allowed and user.groups.filter(name__in=allowed).exists())
