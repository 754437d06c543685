"""Custom Wagtail workflow task types for the committee's review steps.

- ``UnitLeaderSignTask`` (报前初审 / 分管领导签字): only the leaders of the item's reporting unit
  act on it, and approving is a signature (password re-entered, recorded in ``Signature``).
- ``ReviewGroupTask`` (录入前再审, 终审): a group approval whose send-back needs a comment.
- ``AutoCheckTask`` (录入后检查): a group approval that shows the automatic findings, and lets a
  blocking finding through only with a written reason (recorded in ``CheckReport``).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from ..checks import as_records, blocking, run_checks
from ..forms import ApproveCommentForm, CheckApprovalForm, SendBackForm, SignatureForm, check_signature_token
from ..integrity import guard_approval, is_self_approval
from ..people import person_label
from ..signing import password_error
from .records import CheckReport, ReportedItem, Signature
from .units import UnitMember

SEND_BACK = ("reject", "退回修改", True)
SELF_APPROVAL = "提交或修改该信息的人不能在后续步骤审核通过该信息。"


def _may_approve(obj, user):
    task_state = obj.current_workflow_task_state
    return task_state is None or not is_self_approval(obj, user, task_state)


def _before_approval(task_state, user):
    """Refuse a self-approval; restart the review if the content changed since an earlier step.
    Returns True when the approval may go on."""
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("该审核步骤已结束，请刷新页面后重试。")
    if is_self_approval(task_state.workflow_state.content_object, user, task_state):
        raise PermissionDenied(SELF_APPROVAL)
    return guard_approval(task_state, user) is None


def _reported_unit_id(obj):
    return ReportedItem.objects.filter(page_id=obj.pk).values_list("unit_id", flat=True).first()


class ReviewGroupTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve; sending back always carries a comment."""

    approve_label = "审核通过"

    class Meta:
        verbose_name = "分组审核"
        verbose_name_plural = "分组审核"

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            if not _may_approve(obj, user):
                return [SEND_BACK]
            return [SEND_BACK, ("approve", self.approve_label, False), ("approve", "填写意见并通过", True)]
        return []

    def get_form_for_action(self, action):
        return SendBackForm if action == "reject" else ApproveCommentForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and not _before_approval(task_state, user):
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return "所选用户组的成员审核；退回时必须填写意见"


class UnitLeaderSignTask(Task):
    """报前初审: the leaders of the item's reporting unit sign it with their password."""

    class Meta:
        verbose_name = "报送单位领导签字"
        verbose_name_plural = "报送单位领导签字"

    def _is_leader(self, obj, user):
        unit_id = _reported_unit_id(obj)
        if unit_id is None or not user.is_authenticated:
            return False
        return UnitMember.objects.filter(unit_id=unit_id, user=user, role=UnitMember.ROLE_LEADER).exists()

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if _reported_unit_id(workflow_state.content_object) is None:
            # Pages no unit reported (the office's own items, columns, the home page) have no unit leader.
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.comment = "非报送单位信息，无需单位领导签字。"
            task_state.save(update_fields=["status", "comment"])
        return task_state

    def user_can_access_editor(self, obj, user):
        return self._is_leader(obj, user)

    def locked_for_user(self, obj, user):
        return not (user.is_superuser or self._is_leader(obj, user))

    def get_actions(self, obj, user):
        if self._is_leader(obj, user):
            if not _may_approve(obj, user):
                return [SEND_BACK]
            return [SEND_BACK, ("approve", "签字通过", True)]
        return []

    def get_form_for_action(self, action):
        return SignatureForm if action == "approve" else SendBackForm

    def get_template_for_action(self, action):
        return "review/workflow/sign_modal.html" if action == "approve" else ""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            page = task_state.workflow_state.content_object
            password = kwargs.pop("password", None)
            token = kwargs.pop("signature_token", None)  # from the modal in "collect" mode, see review/forms.py
            if not check_signature_token(token, user, task_state):
                error = password_error(user, password, page)
                if error:
                    raise PermissionDenied(error)
            if not _before_approval(task_state, user):
                return
            comment = kwargs.get("comment", "")
            task_state.approve(user=user, comment=comment)
            Signature.objects.create(
                task_state=task_state,
                page_id=int(task_state.workflow_state.object_id),
                signer=user,
                signer_name=person_label(user),
                comment=comment,
                revision=task_state.revision,
            )
        elif action_name == "reject":
            task_state.reject(user=user, comment=kwargs.get("comment", ""))

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # object_id is text: compare with the page ids cast to text, never the other way round.
        page_ids = (
            ReportedItem.objects.filter(unit__members__user=user, unit__members__role=UnitMember.ROLE_LEADER)
            .annotate(object_id=Cast("page_id", CharField()))
            .values("object_id")
        )
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__object_id__in=page_ids)

    @classmethod
    def get_description(cls):
        return "由信息所属报送单位的领导输入密码签字"


class AutoCheckTask(ReviewGroupTask):
    """录入后检查: automatic checks, then a person of the chosen groups passes or sends back."""

    approve_label = "检查通过"

    class Meta:
        verbose_name = "录入后自动检查"
        verbose_name_plural = "录入后自动检查"

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            if not _may_approve(obj, user):
                return [SEND_BACK]
            return [SEND_BACK, ("approve", self.approve_label, True)]
        return []

    def get_form_for_action(self, action):
        return CheckApprovalForm if action == "approve" else SendBackForm

    def get_template_for_action(self, action):
        return "review/workflow/check_modal.html" if action == "approve" else ""

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "approve":
            return super().on_action(task_state, user, action_name, **kwargs)
        if not _before_approval(task_state, user):
            return None
        findings = run_checks(task_state.revision.as_object())  # the latest revision, set by _before_approval
        reason = (kwargs.get("override_reason") or "").strip()
        if blocking(findings) and not reason:
            raise PermissionDenied("检查发现必须处理的问题，须写明放行理由。")
        task_state.approve(user=user, comment=kwargs.get("comment", ""))
        CheckReport.objects.create(
            task_state=task_state,
            page_id=int(task_state.workflow_state.object_id),
            checked_by=user,
            findings=as_records(findings),
            override_reason=reason if blocking(findings) else "",
            revision=task_state.revision,
        )

    @classmethod
    def get_description(cls):
        return "自动检查敏感词、规范表述、链接、图片替代文字、附件、标题长度和发布时间，由所选用户组成员确认"


__all__ = ["AutoCheckTask", "ReviewGroupTask", "UnitLeaderSignTask"]
