"""约谈 follow-up: which follow-ups are overdue, and how the unit did in the periods after its 通报."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import InterviewFollowUp
from .scoring import Context, build_report
from .tongbao_content import period_of

#: How many periods after the 通报 the follow-up shows.
PERIODS_SHOWN = 3


def overdue(today=None):
    """Open follow-ups whose agreed deadline has passed, or whose talk was not held within
    ``ASSESSMENT_INTERVIEW_DAYS`` of the 通报's issue."""
    today = today or timezone.localdate()
    talk_deadline = today - timedelta(days=settings.ASSESSMENT_INTERVIEW_DAYS)
    return (
        InterviewFollowUp.objects.filter(closed_on__isnull=True)
        .filter(Q(due__lt=today) | Q(held_on__isnull=True, tongbao__issue_date__lt=talk_deadline))
        .select_related("unit", "tongbao")
        .order_by("due", "tongbao__issue_date", "pk")
    )


def outcome(followups, today=None):
    """For each follow-up, the unit's result in up to ``PERIODS_SHOWN`` periods after its 通报:
    ``{followup.pk: [{"label", "rank", "score", "quota", "last", "verdict"}, …]}``."""
    ctx = Context(today)
    reports = {}
    result = {}
    for followup in followups:
        period = period_of(followup.tongbao.period_kind, followup.tongbao.period_key)
        rows = []
        for _ in range(PERIODS_SHOWN):
            period = period.next()
            if period.start > ctx.today:
                break
            if period not in reports:
                reports[period] = build_report(period, ctx=ctx)
            report = reports[period]
            row = next((r for r in report.rows if r["id"] == followup.unit_id), None)
            if row is None:
                continue
            rows.append(
                {
                    "label": period.label,
                    "rank": row["rank"],
                    "score": row["score"],
                    "quota": row["quota_met"],
                    "last": row["last"],
                    "verdict": _verdict(report, row),
                }
            )
        result[followup.pk] = rows
    return result


def _verdict(report, row):
    if report.ongoing:
        return "本期未结束"
    if row["rank"] is None:
        return "不参与排名"
    if row["last"] or row["quota_met"] is False:
        return "未改进"
    return "已改进"
