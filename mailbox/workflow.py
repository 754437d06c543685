"""Every change to a letter: each one is atomic, checked against the letter's current state, and recorded.

A step records a ``LetterEvent`` (the letter's history, shown to staff and, for
public steps, to the writer) and a Wagtail log entry (the site-wide audit log),
and queues its e-mail for after the commit.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from portal.serials import daily_reference
from portal.workdays import add_workdays, workdays_between

from . import notifications
from .conf import setting
from .models import (
    OPEN_STATUSES,
    Action,
    Attachment,
    ExtensionRequest,
    Letter,
    LetterEvent,
    Status,
)
from .permissions import can_approve, can_draft, can_handle
from .publication import PUBLIC_FIELDS, fill_public_texts

NUMBER_PREFIX = Letter.tracking_prefix


class WorkflowError(Exception):
    """A step that is not possible now; the message says why, in Chinese."""


def _record(letter, action, user=None, note="", public_note=""):
    LetterEvent.objects.create(
        letter=letter, action=action, status=letter.status, note=note, public_note=public_note, user=user
    )
    log(letter, f"mailbox.{action}", user=user, data={"note": note[:500]} if note else None)


def _locked(letter):
    return Letter.objects.select_for_update(of=("self",)).select_related("unit").get(pk=letter.pk)


def _require(allowed, message="您没有办理此项操作的权限。"):
    if not allowed:
        raise WorkflowError(message)


def _require_status(letter, statuses):
    if letter.status not in statuses:
        raise WorkflowError(
            f"来信当前状态为“{letter.get_status_display()}”，不能进行此项操作。请刷新页面查看最新状态。"
        )


def submit_letter(data, submission_key, files=()):
    """Store a letter from the public form; returns ``(letter, query code)``.

    ``files`` are ``(upload, content_type, extension)`` triples already checked
    by the form. A second submission with the same key raises IntegrityError.
    """
    now = timezone.now()
    saved = []
    try:
        with transaction.atomic():
            letter = Letter(
                number=daily_reference(NUMBER_PREFIX, now),
                submission_key=submission_key,
                created_at=now,
                name=data["name"],
                phone=data["phone"],
                email=data.get("email", ""),
                category=data["category"],
                title=data["title"],
                content=data["content"],
                allow_publish=bool(data.get("allow_publish")),
                due_date=add_workdays(now, setting("REPLY_WORKDAYS")),
            )
            code = letter.issue_query_code()
            letter.save(force_insert=True)
            for upload, content_type, extension in files:
                attachment = Attachment(
                    letter=letter,
                    original_name=(upload.name or f"附件.{extension}")[-100:],
                    content_type=content_type,
                    size=upload.size,
                )
                attachment.file.save(f"upload.{extension}", upload, save=True)
                saved.append(attachment.file.name)
            _record(letter, Action.SUBMITTED)
            notifications.letter_received(letter)
    except Exception:
        for name in saved:
            Attachment._meta.get_field("file").storage.delete(name)
        raise
    return letter, code


@transaction.atomic
def accept(letter, user):
    _require(can_handle(user))
    letter = _locked(letter)
    _require_status(letter, [Status.SUBMITTED])
    letter.status = Status.ACCEPTED
    letter.accepted_at = timezone.now()
    letter.save(update_fields=["status", "accepted_at"])
    _record(letter, Action.ACCEPTED, user)
    return letter


@transaction.atomic
def reject(letter, user, reason, note):
    """不予受理: the reason and the explanation are shown to the writer; the letter counts as answered."""
    _require(can_handle(user))
    letter = _locked(letter)
    _require_status(letter, [Status.SUBMITTED, Status.ACCEPTED])
    now = timezone.now()
    letter.status = Status.REJECTED
    letter.reject_reason = reason
    letter.reject_note = note
    letter.answered_at = now
    letter.answer_workdays = workdays_between(letter.created_at, now)
    letter.save(update_fields=["status", "reject_reason", "reject_note", "answered_at", "answer_workdays"])
    _record(letter, Action.REJECTED, user, note=f"{letter.get_reject_reason_display()}：{note}")
    notifications.letter_answered(letter)
    return letter


@transaction.atomic
def forward(letter, user, unit, deadline, note=""):
    """转办 (or 改派 to another unit while the reply is not drafted yet)."""
    _require(can_handle(user))
    letter = _locked(letter)
    _require_status(letter, [Status.ACCEPTED, Status.FORWARDED])
    if deadline < timezone.localdate():
        raise WorkflowError("承办期限不能早于今天。")
    if deadline > letter.due_date:
        raise WorkflowError(f"承办期限不能晚于来信的答复期限（{letter.due_date:%Y-%m-%d}）；需要更多时间请申请延期。")
    letter.status = Status.FORWARDED
    letter.unit = unit
    letter.unit_deadline = deadline
    letter.forwarded_at = timezone.now()
    letter.save(update_fields=["status", "unit", "unit_deadline", "forwarded_at"])
    _record(
        letter,
        Action.FORWARDED,
        user,
        note=f"转交{unit.name}，承办期限{deadline:%Y-%m-%d}。{note}".strip(),
        public_note=f"已转交{unit.name}办理",
    )
    notifications.letter_forwarded(letter)
    return letter


@transaction.atomic
def draft_reply(letter, user, text):
    letter = _locked(letter)
    _require(can_draft(user, letter))
    _require_status(letter, [Status.FORWARDED, Status.DRAFTED])
    letter.status = Status.DRAFTED
    letter.reply = text
    letter.reply_unit_name = letter.unit.name if letter.unit_id else ""
    letter.drafted_by = user
    letter.drafted_at = timezone.now()
    letter.save(update_fields=["status", "reply", "reply_unit_name", "drafted_by", "drafted_at"])
    _record(letter, Action.DRAFTED, user)
    notifications.reply_drafted(letter)
    return letter


@transaction.atomic
def return_reply(letter, user, note):
    _require(can_approve(user))
    letter = _locked(letter)
    _require_status(letter, [Status.DRAFTED])
    letter.status = Status.FORWARDED
    letter.save(update_fields=["status"])
    _record(letter, Action.RETURNED, user, note=note)
    return letter


@transaction.atomic
def approve_reply(letter, user):
    """Publishes the reply to the writer: from now on the query shows it, and the rating period starts."""
    _require(can_approve(user))
    letter = _locked(letter)
    _require_status(letter, [Status.DRAFTED])
    now = timezone.now()
    letter.status = Status.REPLIED
    letter.approved_by = user
    letter.answered_at = now
    letter.answer_workdays = workdays_between(letter.created_at, now)
    letter.rating_deadline = add_workdays(now, setting("RATING_WORKDAYS"))
    masked_summary = fill_public_texts(letter)
    letter.save(
        update_fields=[
            "status",
            "approved_by",
            "answered_at",
            "answer_workdays",
            "rating_deadline",
            *PUBLIC_FIELDS.values(),
        ]
    )
    _record(letter, Action.REPLIED, user, note=masked_summary)
    notifications.letter_answered(letter)
    return letter


@transaction.atomic
def request_extension(letter, user, workdays, reason):
    letter = _locked(letter)
    _require(can_draft(user, letter))
    _require_status(letter, OPEN_STATUSES)
    if letter.extensions.filter(status=ExtensionRequest.PENDING).exists():
        raise WorkflowError("已有一份延期申请等待审批，请勿重复申请。")
    extension = ExtensionRequest.objects.create(letter=letter, workdays=workdays, reason=reason, requested_by=user)
    _record(letter, Action.EXTENSION_REQUESTED, user, note=f"申请延长{workdays}个工作日：{reason}")
    notifications.extension_requested(extension)
    return extension


@transaction.atomic
def decide_extension(letter, user, approve, note=""):
    """A leader's decision; an approved extension moves the reply deadline (and the unit's) by its working days."""
    _require(can_approve(user))
    letter = _locked(letter)
    extension = letter.extensions.select_for_update().filter(status=ExtensionRequest.PENDING).first()
    if extension is None:
        raise WorkflowError("没有待审批的延期申请。")
    approved = approve and letter.is_open  # a letter answered meanwhile needs no more time
    if approve and not approved:
        note = "来信已办结，延期申请不再需要。"
    extension.status = ExtensionRequest.APPROVED if approved else ExtensionRequest.REFUSED
    extension.decided_by = user
    extension.decided_at = timezone.now()
    extension.decision_note = note
    extension.save()
    if approved:
        letter.due_date = add_workdays(letter.due_date, extension.workdays)
        if letter.unit_deadline:
            letter.unit_deadline = add_workdays(letter.unit_deadline, extension.workdays)
        letter.save(update_fields=["due_date", "unit_deadline"])
        _record(
            letter,
            Action.EXTENSION_APPROVED,
            user,
            note=f"延长{extension.workdays}个工作日，答复期限改为{letter.due_date:%Y-%m-%d}。{note}".strip(),
            public_note=f"办理期限延长至{letter.due_date:%Y年%m月%d日}",
        )
    else:
        _record(letter, Action.EXTENSION_REFUSED, user, note=note)
    return extension


@transaction.atomic
def set_withheld(letter, user, withheld, note):
    """Take a published letter off the public listing (or put it back), e.g. when it names third parties."""
    _require(can_handle(user))
    letter = _locked(letter)
    _require_status(letter, [Status.REPLIED])
    letter.withheld = withheld
    letter.save(update_fields=["withheld"])
    _record(letter, Action.WITHHELD if withheld else Action.RESTORED, user, note=note)
    return letter


def rate(letter, rating):
    """The writer's one rating; returns False if it was already rated or the period is over."""
    with transaction.atomic():
        letter = _locked(letter)
        if not letter.can_be_rated:
            return False
        letter.rating = rating
        letter.rated_at = timezone.now()
        letter.save(update_fields=["rating", "rated_at"])
        _record(letter, Action.RATED, note=letter.get_rating_display())
    return True
