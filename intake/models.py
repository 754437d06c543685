"""The abstract model of a citizen's request: a tracking number, a secret query code and a handling history.

The concrete models keep their tables and columns: a subclass redeclares a
field to change it (its own status choices, its own label) or sets it to
``None`` when it has no such field (a letter's number is ``number``, a legal-aid
application has no submission key). Class attributes say which fields play
which part, so the shared forms, views and admin can work on any of them.
"""

from django.db import models
from django.utils import timezone

from portal.serials import daily_reference, find_by_code, hash_query_code, new_query_code

from .masking import mask_name


def deadline_countdown(deadline, today=None, overdue="已超期"):
    """What a queue shows next to a running deadline: 剩余N天, 今天到期, or ``overdue`` with the days missed."""
    days = (deadline - (today or timezone.localdate())).days
    if days < 0:
        return f"{overdue}{-days}天"
    return "今天到期" if days == 0 else f"剩余{days}天"


class CitizenRequest(models.Model):
    tracking_number = models.CharField("受理编号", max_length=20, unique=True, editable=False)
    query_code_hash = models.CharField("查询码（哈希）", max_length=128, editable=False)
    submission_key = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField("办理状态", max_length=20)

    #: the field holding the public tracking number
    reference_field = "tracking_number"
    #: prefix of the daily tracking numbers, e.g. "TJ" gives TJ20261125-0007
    tracking_prefix = ""
    #: the field holding the name that ``masked_name`` masks
    name_field = "applicant_name"
    #: the field holding the date by which the request must be handled, if any
    deadline_field = None

    class Meta:
        abstract = True

    @classmethod
    def new_tracking_number(cls) -> str:
        return daily_reference(cls.tracking_prefix)

    @classmethod
    def find(cls, reference: str, code: str):
        """The request with this number and query code, or None; an unknown number costs as much as a wrong code."""
        return find_by_code(cls._default_manager.all(), cls.reference_field, reference, code)

    @classmethod
    def already_submitted(cls, submission_key: str) -> bool:
        """Whether a form carrying this one-time key was already stored (double click, resent form)."""
        has_key = any(field.name == "submission_key" for field in cls._meta.concrete_fields)
        return has_key and bool(submission_key) and cls._default_manager.filter(submission_key=submission_key).exists()

    def issue_query_code(self) -> str:
        """Give the request a fresh query code; returns it in plain text, to be shown once and never stored."""
        code = new_query_code()
        self.query_code_hash = hash_query_code(code)
        return code

    @property
    def reference(self) -> str:
        return getattr(self, self.reference_field)

    @property
    def handling_deadline(self):
        return getattr(self, self.deadline_field) if self.deadline_field else None

    @property
    def masked_name(self) -> str:
        return mask_name(getattr(self, self.name_field))

    def record_event(self, **fields):
        """Add a step to the handling history (every concrete history uses ``related_name="events"``)."""
        relation = self._meta.get_field("events")
        return relation.related_model._default_manager.create(**{relation.field.name: self}, **fields)
