"""书记信箱's part of 网站健康检查 (``portal.site_inspection``).

National rule (《政府网站与政务新媒体检查指标》, 单项否决): a valid message to the interaction channel left
unanswered for more than three months fails the site. Letters past their own answer deadline, or close to
it, are listed as warnings ahead of that.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from portal.site_inspection import BREACH, OK, WARNING, InspectionItem, Row, state_for_deadline

from .models import Letter

RULE = "互动交流栏目对网民有效留言超过3个月未回复的，单项否决。"


def inspect_letters(now):
    today = timezone.localdate(now)
    warn_days = getattr(settings, "INSPECTION_WARN_DAYS", 3)
    rows = []
    for letter in Letter.objects.open().only("pk", "number", "created_at", "due_date").order_by("created_at", "pk"):
        limit = letter.three_month_limit
        three_months = state_for_deadline(limit, today, warn_days)
        due = state_for_deadline(letter.due_date, today, warn_days)
        if three_months == BREACH:
            detail, state, day = f"来信超过3个月未答复（{limit:%Y-%m-%d}已到期）。", BREACH, limit
        elif three_months == WARNING:
            detail, state, day = f"{limit:%Y-%m-%d}满3个月，须在此前答复。", WARNING, limit
        elif due != OK:
            passed = "已超过" if due == BREACH else "将到"
            detail, state, day = f"{passed}答复期限{letter.due_date:%Y-%m-%d}。", WARNING, letter.due_date
        else:
            continue
        rows.append(
            Row(
                f"来信 {letter.number}",
                f"{timezone.localdate(letter.created_at):%Y-%m-%d}来信；{detail}",
                reverse("mailbox_admin:letter", args=[letter.pk]),
                due=day,
                state=state,
            )
        )
    breaches = [row for row in rows if row.state == BREACH]
    oldest = Letter.objects.open().order_by("created_at").first()
    breach_on = oldest.three_month_limit if oldest else None
    if breaches:
        summary = f"{len(breaches)}封来信超过3个月未答复。"
    elif rows:
        summary = f"{len(rows)}封来信已超期或即将到期，尚未超过3个月。"
    else:
        summary = "没有超期或即将到期的来信。"
    return [
        InspectionItem(
            "letters_unanswered",
            "书记信箱答复",
            RULE,
            BREACH if breaches else (WARNING if rows else OK),
            summary,
            breach_on=breach_on,
            rows=sorted(rows, key=lambda row: (row.due, row.label)),
            order=40,
        )
    ]
