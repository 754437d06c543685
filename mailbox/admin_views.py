"""The staff side in the Wagtail admin: the inbox, one letter with its steps, and its attachments."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_POST

from wagtail.log_actions import log

from portal.workdays import add_workdays

from . import workflow
from .conf import setting
from .forms import DraftForm, ExtensionForm, ForwardForm, InboxFilterForm, NoteForm, OptionalNoteForm, RejectForm
from .models import OPEN_STATUSES, Attachment, Letter, Status
from .permissions import can_approve, can_draft, can_handle, can_use_mailbox_admin
from .publication import mask_letter

INBOX_PAGE_SIZE = 20
REVEAL_PHONE_ACTION = "mailbox.reveal_phone"


@dataclass(frozen=True)
class Step:
    label: str
    form_class: Any
    run: Any
    done: str
    danger: bool = False


STEPS = {
    "accept": Step("受理", None, lambda letter, user, data: workflow.accept(letter, user), "来信已受理。"),
    "reject": Step(
        "不予受理",
        RejectForm,
        lambda letter, user, data: workflow.reject(letter, user, data["reason"], data["note"]),
        "已作不予受理处理，理由已告知来信人。",
        danger=True,
    ),
    "forward": Step(
        "转办",
        ForwardForm,
        lambda letter, user, data: workflow.forward(letter, user, data["unit"], data["deadline"], data["note"]),
        "来信已转办。",
    ),
    "draft": Step(
        "提交答复，送领导审核",
        DraftForm,
        lambda letter, user, data: workflow.draft_reply(letter, user, data["reply"]),
        "答复已提交，等待审核。",
    ),
    "approve": Step(
        "审核通过，答复来信人",
        None,
        lambda letter, user, data: workflow.approve_reply(letter, user),
        "答复已发布，来信人可以查看。",
    ),
    "return": Step(
        "退回修改",
        NoteForm,
        lambda letter, user, data: workflow.return_reply(letter, user, data["note"]),
        "答复已退回承办单位修改。",
        danger=True,
    ),
    "extend": Step(
        "申请延期",
        ExtensionForm,
        lambda letter, user, data: workflow.request_extension(letter, user, data["workdays"], data["reason"]),
        "延期申请已提交，等待审批。",
    ),
    "approve_extension": Step(
        "批准延期",
        OptionalNoteForm,
        lambda letter, user, data: workflow.decide_extension(letter, user, True, data["note"]),
        "已批准延期，答复期限已顺延。",
    ),
    "refuse_extension": Step(
        "不批准延期",
        OptionalNoteForm,
        lambda letter, user, data: workflow.decide_extension(letter, user, False, data["note"]),
        "已不批准延期。",
        danger=True,
    ),
    "withhold": Step(
        "撤下公开",
        NoteForm,
        lambda letter, user, data: workflow.set_withheld(letter, user, True, data["note"]),
        "来信已从网站撤下。",
        danger=True,
    ),
    "restore": Step(
        "恢复公开",
        OptionalNoteForm,
        lambda letter, user, data: workflow.set_withheld(letter, user, False, data["note"]),
        "来信已恢复在网站公开。",
    ),
}


def available_steps(letter, user):
    """The steps this user may take on this letter now, in the order the page offers them."""
    status, steps = letter.status, []
    pending = letter.pending_extension
    if can_handle(user):
        if status == Status.SUBMITTED:
            steps.append("accept")
        if status in (Status.ACCEPTED, Status.FORWARDED):
            steps.append("forward")
        if status in (Status.SUBMITTED, Status.ACCEPTED):
            steps.append("reject")
    if status in (Status.FORWARDED, Status.DRAFTED) and can_draft(user, letter):
        steps.append("draft")
    if can_approve(user):
        if status == Status.DRAFTED:
            steps += ["approve", "return"]
        if pending:
            steps += ["approve_extension", "refuse_extension"]
    if status in OPEN_STATUSES and pending is None and can_draft(user, letter):
        steps.append("extend")
    if status == Status.REPLIED and letter.allow_publish and can_handle(user):
        steps.append("restore" if letter.withheld else "withhold")
    return steps


def _staff_only(request):
    if not can_use_mailbox_admin(request.user):
        raise PermissionDenied


def _visible_letter(request, pk):
    _staff_only(request)
    return get_object_or_404(
        Letter.objects.visible_to(request.user).select_related("unit", "drafted_by", "approved_by"), pk=pk
    )


@require_GET
def inbox(request):
    _staff_only(request)
    today = timezone.localdate()
    letters = Letter.objects.visible_to(request.user).select_related("unit").order_by("-created_at", "-pk")
    form = InboxFilterForm(request.GET or None)
    if form.is_valid():
        data = form.cleaned_data
        if data["status"] == "open":
            letters = letters.open()
        elif data["status"]:
            letters = letters.filter(status=data["status"])
        if data["category"]:
            letters = letters.filter(category=data["category"])
        if data["unit"]:
            letters = letters.filter(unit=data["unit"])
        if data["overdue"]:
            letters = letters.overdue(today)
        if data["q"].strip():
            text = data["q"].strip()
            letters = letters.filter(Q(number__icontains=text) | Q(title__icontains=text))
    page = Paginator(letters, INBOX_PAGE_SIZE).get_page(request.GET.get("p"))
    filters = {key: value for key, value in request.GET.items() if key != "p" and value}
    return TemplateResponse(
        request,
        "mailbox/admin/inbox.html",
        {
            "form": form,
            "page_obj": page,
            "letters": page.object_list,
            "today": today,
            "due_soon": add_workdays(today, setting("DUE_SOON_WORKDAYS")),
            "query_suffix": ("&" + urlencode(filters)) if filters else "",
            "can_manage_units": request.user.has_perm("review.change_reportingunit"),
        },
    )


def _step_forms(letter, user, bound=None):
    forms = []
    for name in available_steps(letter, user):
        step = STEPS[name]
        form = None
        if step.form_class is not None:
            if bound is not None and bound[0] == name:
                form = bound[1]
            else:
                form = step.form_class(prefix=name, initial=_initial(name, letter))
        forms.append({"name": name, "step": step, "form": form})
    return forms


def _initial(name, letter):
    if name == "forward":
        return {"unit": letter.unit, "deadline": letter.unit_deadline or letter.due_date}
    if name == "draft":
        return {"reply": letter.reply}
    return None


def _letter_page(request, letter, bound=None, status=200):
    return TemplateResponse(
        request,
        "mailbox/admin/letter.html",
        {
            "letter": letter,
            "steps": _step_forms(letter, request.user, bound),
            "events": letter.events.select_related("user"),
            "extensions": letter.extensions.select_related("requested_by", "decided_by"),
            "attachments": letter.attachments.all(),
            "publication": _publication_preview(letter),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _publication_preview(letter):
    """What the website will show once the reply is approved, for a letter whose writer allowed publication."""
    if not letter.allow_publish or letter.status not in (Status.DRAFTED, Status.REPLIED):
        return None
    if letter.status == Status.REPLIED:
        return {"title": letter.public_title, "reply": letter.public_reply, "findings": [], "published": True}
    masked = mask_letter(letter)
    findings = [finding for part in masked.values() for finding in part.findings]
    return {"title": masked["title"].text, "reply": masked["reply"].text, "findings": findings, "published": False}


@require_GET
def letter_view(request, pk):
    return _letter_page(request, _visible_letter(request, pk))


@require_POST
def step_view(request, pk, name):
    letter = _visible_letter(request, pk)
    if name not in STEPS:
        raise Http404
    step = STEPS[name]
    if name not in available_steps(letter, request.user):
        messages.error(request, f"现在不能对这封来信进行“{step.label}”操作，可能已由他人办理。请查看最新状态。")
        return redirect("mailbox_admin:letter", pk=letter.pk)
    data = {}
    if step.form_class is not None:
        form = step.form_class(request.POST, prefix=name)
        if not form.is_valid():
            messages.error(request, "提交未成功，请按提示修改后重新提交。")
            return _letter_page(request, letter, bound=(name, form), status=400)
        data = form.cleaned_data
    try:
        step.run(letter, request.user, data)
    except workflow.WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, step.done)
    return redirect("mailbox_admin:letter", pk=letter.pk)


@require_POST
def reveal_phone_view(request, pk):
    """The writer's full phone number, to staff who may see the letter; every reveal goes into the audit log."""
    letter = _visible_letter(request, pk)
    log(letter, REVEAL_PHONE_ACTION, user=request.user)
    return TemplateResponse(request, "mailbox/admin/reveal_phone.html", {"letter": letter})


@require_GET
def attachment_view(request, pk):
    """A letter's attachment for staff who may see the letter; always a download, never rendered inline."""
    _staff_only(request)
    attachment = get_object_or_404(Attachment.objects.filter(letter__in=Letter.objects.visible_to(request.user)), pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("附件文件不存在") from error
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
