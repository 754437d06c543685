"""网站健康检查: the portal checks itself against the national checks before an inspector does.

Government websites are inspected every quarter against the 《政府网站与政务新媒体检查指标》 (国办函〔2019〕
80号). Some findings fail the whole site at once (单项否决): the home page not updated for two weeks, five or
more columns not updated in time, five or more blank columns, a valid message unanswered for more than three
months, serious wording errors. Each app knows its own part and contributes it through the Wagtail hook
``register_site_inspection``: a function ``fn(now)`` that returns an iterable of :class:`InspectionItem`.
The core only collects, orders and grades them; it imports no app.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail import hooks

HOOK = "register_site_inspection"

OK = "ok"
WARNING = "warning"
BREACH = "breach"
STATE_LABELS = {OK: "正常", WARNING: "预警", BREACH: "已触发"}
STATE_RANK = {OK: 0, WARNING: 1, BREACH: 2}

#: days before a breach date from which an item is shown as a warning, unless the item says otherwise
DEFAULT_WARN_DAYS = 3


@dataclass
class Row:
    """One thing behind an item: a column, a letter, a sentence."""

    label: str
    detail: str = ""
    url: str = ""
    due: date | None = None
    state: str = OK

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


@dataclass
class InspectionItem:
    key: str
    title: str
    rule: str  # the national rule, as the inspector reads it
    state: str
    summary: str
    breach_on: date | None = None  # the day the item fails (or failed), when it can be known
    veto: bool = True  # a single-veto (单项否决) item; others are the committee's own promises
    rows: list[Row] = field(default_factory=list)
    order: int = 100

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


def state_for_deadline(deadline, today, warn_days=DEFAULT_WARN_DAYS):
    """``BREACH`` once ``deadline`` has passed, ``WARNING`` from ``warn_days`` before it, else ``OK``."""
    if deadline is None:
        return OK
    if today > deadline:
        return BREACH
    if today >= deadline - timedelta(days=warn_days):
        return WARNING
    return OK


def deadline_item(now, *, key, title, rule, requests, noun, edit_url_name, order, warn_days=DEFAULT_WARN_DAYS):
    """A not single-veto item for citizens' requests with a handling deadline (``CitizenRequest``): those
    past it (已触发) or within ``warn_days`` of it (预警). ``requests`` are the open ones."""
    today = timezone.localdate(now)
    rows = []
    for request in requests:
        deadline = request.handling_deadline
        state = state_for_deadline(deadline, today, warn_days)
        if state == OK:
            continue
        passed = "已超过" if state == BREACH else "将到"
        rows.append(
            Row(
                f"{noun} {request.reference}",
                f"{passed}办理期限{deadline:%Y-%m-%d}。",
                reverse(edit_url_name, args=[request.pk]),
                due=deadline,
                state=state,
            )
        )
    rows.sort(key=lambda row: (row.due, row.label))
    overdue = sum(row.state == BREACH for row in rows)
    summary = f"{overdue}件已超期，{len(rows) - overdue}件即将到期。" if rows else f"没有超期或即将到期的{noun}。"
    state = BREACH if overdue else (WARNING if rows else OK)
    return InspectionItem(key, title, rule, state, summary, veto=False, rows=rows, order=order)


def worst(states):
    return max(states, key=STATE_RANK.__getitem__, default=OK)


def run_inspection(now=None):
    """Every item the installed apps contribute, single-veto items first, then by their order."""
    now = now or timezone.now()
    items = [item for fn in hooks.get_hooks(HOOK) for item in fn(now)]
    return sorted(items, key=lambda item: (not item.veto, item.order, item.key))


def overall_state(items):
    return worst(item.state for item in items if item.veto)
