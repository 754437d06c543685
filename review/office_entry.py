"""Office entry (录入): the office types in an item a unit sent on paper, on that unit's behalf.

The item belongs to the chosen 报送单位 (``ReportedItem.unit``, with ``entered_by`` the office's clerk):
it counts for that unit in the assessment, the unit's leaders sign it and the unit's people get the
publication notice and the 发布后复查. The leader's signature is either made online as for any item, or
evidenced by a scan of the paper form the leader signed, which only the office uploads and only for an
item it entered. The scan is approved for the revision it covers, like an online signature: a later
change of the content restarts the review from the signature (``review.integrity``), so what goes live
is what the paper form covered. Scans live in the private storage and are served only to those who may
see the item's 审批单.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import TaskState

from .integrity import guard_approval
from .models import ReportedItem, ReportingUnit, Signature, UnitLeaderSignTask, UnitMember
from .people import member_label
from .permissions import OFFICE_GROUP, membership

OFFICE_ONLY = "只有办公室工作人员可以代报送单位录入信息或上传纸质签字扫描件。"


def is_office(user):
    return user.is_authenticated and (user.is_superuser or user.groups.filter(name=OFFICE_GROUP).exists())


def entry_units():
    """The units the office may enter items for: those that report items, not the committee's own offices."""
    return ReportingUnit.objects.filter(reports_items=True).exclude(category=ReportingUnit.CATEGORY_INTERNAL)


def entry_refusal(page, user):
    """Why the 报送单位 of ``page`` cannot be set now, or None."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
        return "信息正在审核中，不能更改报送单位；如需更改，请先撤回审核。"
    if page.first_published_at is not None:
        return "信息已经发布过，不能再更改报送单位。"
    reported = ReportedItem.objects.filter(page_id=page.pk).select_related("unit").first()
    if reported is not None and reported.entered_by_id is None:
        member = membership(user)
        if member is None or member.unit_id != reported.unit_id:
            return f"该信息由{reported.unit.name}的人员起草，不能改为代录入。"
    return None


@transaction.atomic
def enter_for_unit(page, unit, user):
    """Record ``unit`` as the 报送单位 of ``page``, entered by ``user``. Returns the ``ReportedItem``."""
    if not is_office(user):
        raise PermissionDenied(OFFICE_ONLY)
    if refusal := entry_refusal(page, user):
        raise PermissionDenied(refusal)
    reported, _ = ReportedItem.objects.update_or_create(
        page_id=page.pk,
        defaults={"unit": unit, "correspondent": None, "entered_by": user, "created_at": timezone.now()},
    )
    log(instance=page, action="review.office_entry", user=user, data={"unit": unit.name})
    return reported


def scan_task_state(page):
    """The in-progress leader-signature step of an item the office entered, or None."""
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    if not isinstance(task_state.task.specific, UnitLeaderSignTask):
        return None
    if not ReportedItem.objects.filter(page_id=page.pk, entered_by__isnull=False).exists():
        return None
    return task_state


def scan_leaders(page):
    unit_id = ReportedItem.objects.filter(page_id=page.pk).values_list("unit_id", flat=True).first()
    return UnitMember.objects.filter(unit_id=unit_id, role=UnitMember.ROLE_LEADER)


@transaction.atomic
def record_scan(page, user, *, leader, upload, content_type, extension, comment=""):
    """Approve the signature step of ``page`` with the scan of the paper form ``leader`` signed.

    Returns the restart message when the content changed since an earlier step (nothing is recorded then),
    otherwise None."""
    if not is_office(user):
        raise PermissionDenied(OFFICE_ONLY)
    task_state = scan_task_state(page)
    if task_state is None:
        raise PermissionDenied("该信息当前不在报送单位领导签字环节，或不是办公室代录入的信息。")
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("该审核步骤已结束，请刷新页面后重试。")
    if not scan_leaders(page).filter(pk=leader.pk).exists():
        raise PermissionDenied("签字人必须是报送单位的分管领导。")
    if message := guard_approval(task_state, user):
        return message
    upload.name = f"scan.{extension}"
    signature = Signature(
        task_state=task_state,
        page_id=page.pk,
        signer=leader.user,
        signer_name=member_label(leader),
        comment=comment,
        revision=task_state.revision,
        method=Signature.METHOD_SCAN,
        scan_content_type=content_type,
        uploaded_by=user,
    )
    signature.scan.save(upload.name, upload, save=False)
    signature.save()
    task_state.approve(user=user, comment=comment or f"纸质签字扫描件（{member_label(leader)}签字）")
    log(
        instance=page,
        action="review.sign.scan",
        user=user,
        data={"signer": signature.signer_name, "revision": task_state.revision_id},
    )
    return None
