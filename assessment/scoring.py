"""The assessment of one period, computed live from current data.

- 报送 (submitted): an item of the unit whose first submission to the review workflow (the earliest
  workflow state of the page) falls in the period; an item published without a workflow counts from
  its first publication.
- 采用 (adopted): first published in the period and still live now. Withdrawing (unpublishing) or
  deleting an item takes it out of every report, past ones included: reports are recomputed from
  current data. A 通报 once issued is kept as a frozen snapshot (``IssuedReport``).
- A unit is assessed (ranked, its quota judged) from the period containing its 考核起始
  (``ReportingUnit.assessed_from``; new units default to the period they are created in, the office may
  choose another in the unit form, the import or the bulk action). In earlier periods it is listed with
  its counts but not ranked. Its set-up date (``UnitAssessmentStart``) only keeps it out of periods that
  ended before it was set up. A unit merged into another (``UnitLineage``) keeps its items before the merge date; from
  that date its items count for the new unit, and it is no longer listed in later periods.
- A renamed unit is the same unit (same id): the current name is shown.
- Only units that report items (``reports_items``) are listed; a unit that only handles letters is not.
- Quotas are judged only once a period has ended; a future period has an empty report.
- A weekly report ranks only units whose category has a weekly quota (重点部门 by default); the others are
  listed with their counts, judged on months, and are neither commended nor interviewed there.
- A unit that did not meet its quota is never commended. In a category with fewer ranked units than
  ``ScoreWeights.interview_min_units`` (default 3) the last place counts towards a 约谈 only when the
  unit also missed its quota.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Min
from django.utils import timezone

from wagtail.models import Page, WorkflowState

from review.models import ReportedItem, ReportingUnit

from .models import (
    ASSESSED_CATEGORIES,
    LEVEL_CHOICES,
    PERIOD_MONTH,
    PERIOD_WEEK,
    HigherAdoption,
    QuotaRule,
    RuleVersion,
    ScoreWeights,
    UnitAssessmentStart,
    UnitLineage,
)
from .periods import Period
from .ranking import rank

LEVELS = [code for code, _ in LEVEL_CHOICES]


@dataclass
class Report:
    period: object
    today: date
    future: bool = False
    ongoing: bool = False
    categories: list = field(default_factory=list)
    interview: list = field(default_factory=list)
    commended: list = field(default_factory=list)

    @property
    def rows(self):
        return [row for category in self.categories for row in category["rows"]]

    def totals(self):
        keys = ["submitted", "adopted", *LEVELS]
        totals = {key: sum(row[key] for row in self.rows) for key in keys}
        totals["score"] = sum((row["score"] for row in self.rows), Decimal(0))
        return totals


class Context:
    """Everything that does not depend on the period, loaded once."""

    def __init__(self, today=None):
        self.today = today or timezone.localdate()
        self.units = {u.pk: u for u in ReportingUnit.objects.all()}
        self.assessed_from = {pk: unit.assessed_from for pk, unit in self.units.items() if unit.assessed_from}
        self.lineage = {row.old_unit_id: (row.new_unit_id, row.merged_on) for row in UnitLineage.objects.all()}
        self.starts = dict(UnitAssessmentStart.objects.values_list("unit_id", "since"))
        self.rules = {rule.category: rule for rule in QuotaRule.objects.all()}
        self.weights = ScoreWeights.load()
        self.versions = list(RuleVersion.objects.prefetch_related("quotas").order_by("effective_from"))

    def rules_at(self, day):
        """(quota rules by category, weights) in force on ``day``: the base rules changed by every
        ``RuleVersion`` from on or before that day, in order."""
        rules, weights = dict(self.rules), self.weights
        for version in self.versions:
            if version.effective_from > day:
                break
            weights = version
            rules.update({quota.category: quota for quota in version.quotas.all()})
        return rules, weights

    def owner(self, unit_id, day):
        """The unit an item of ``unit_id`` dated ``day`` counts for, following merges."""
        seen = set()
        while unit_id in self.lineage and unit_id not in seen:
            seen.add(unit_id)
            new_id, merged_on = self.lineage[unit_id]
            if day < merged_on:
                break
            unit_id = new_id
        return unit_id

    @cached_property
    def all_items(self):
        """(unit id, submitted day or None, adopted day or None) of every reported item, loaded once."""
        return [(unit_id, submitted, adopted) for _page, unit_id, _member, submitted, adopted in self.item_rows]

    @cached_property
    def item_rows(self):
        """(page id, unit id, correspondent id or None, submitted day or None, adopted day or None)."""
        items = list(
            ReportedItem.objects.values_list(
                "page_id", "unit_id", "correspondent_id", "page__first_published_at", "page__live"
            )
        )
        page_type = ContentType.objects.get_for_model(Page)
        first_submitted = dict(
            WorkflowState.objects.filter(base_content_type=page_type)
            .values("object_id")
            .annotate(first=Min("created_at"))
            .values_list("object_id", "first")
        )
        result = []
        for page_id, unit_id, member_id, published_at, live in items:
            submitted_at = first_submitted.get(str(page_id)) or published_at
            submitted = timezone.localdate(submitted_at) if submitted_at else None
            adopted = timezone.localdate(published_at) if published_at and live else None
            result.append((page_id, unit_id, member_id, submitted, adopted))
        return result

    def item_dates(self, start, end):
        """The items submitted or adopted in [start, end]."""
        return [
            item
            for item in self.all_items
            if (item[1] and start <= item[1] <= end) or (item[2] and start <= item[2] <= end)
        ]


def _in(day, period):
    return day is not None and period.start <= day <= period.end


def _listed(ctx, unit, period):
    if not unit.reports_items or unit.category not in dict(ASSESSED_CATEGORIES):
        return False
    since = ctx.starts.get(unit.pk)
    assessed_from = ctx.assessed_from.get(unit.pk)
    if since and since > period.end and not (assessed_from and assessed_from <= period.end):
        return False  # not set up yet, unless the office chose to assess it from an earlier period
    merge = ctx.lineage.get(unit.pk)
    return not (merge and merge[1] <= period.start)


def _quota(ctx, unit, period, submissions, rules=None):
    """(quota text, met: True/False/None) — None when not judged."""
    rule = (ctx.rules if rules is None else rules).get(unit.category)
    if rule is None:
        return "未设任务", None
    if rule.period == PERIOD_MONTH and period.kind == PERIOD_WEEK:
        return f"每月≥{rule.minimum}（按月考核）", None
    if rule.period == period.kind:
        weeks = [period]
        text = f"≥{rule.minimum}"
    else:
        weeks = period.weeks_starting_in()
        text = f"每周≥{rule.minimum}（{len(weeks)}周）"
    if any(week.end >= ctx.today for week in weeks):
        return text, None
    met = all(sum(1 for day in submissions if _in(day, week)) >= rule.minimum for week in weeks)
    return text, met


def _weekly(rules, unit):
    rule = rules.get(unit.category)
    return rule is not None and rule.period == PERIOD_WEEK


def _ranked_rows(ctx, period):
    """Rows of every listed unit for ``period``, ranked within their category."""
    weeks_end = max(week.end for week in period.weeks_starting_in()) if period.kind == PERIOD_MONTH else period.end
    items = ctx.item_dates(period.start, max(period.end, weeks_end))
    adoptions = HigherAdoption.objects.filter(date__range=(period.start, period.end)).values_list(
        "unit_id", "level", "date"
    )
    rows = {}
    for unit in ctx.units.values():
        if not _listed(ctx, unit, period):
            continue
        rows[unit.pk] = {
            "id": unit.pk,
            "name": unit.name,
            "category": unit.category,
            "submitted": 0,
            "adopted": 0,
            **{level: 0 for level in LEVELS},
            "submissions": [],
            "note": "",
            "assessed": True,
        }
    for unit_id, submitted, adopted in items:
        if submitted:
            owner = rows.get(ctx.owner(unit_id, submitted))
            if owner is not None:
                owner["submissions"].append(submitted)
                if _in(submitted, period):
                    owner["submitted"] += 1
        if _in(adopted, period):
            owner = rows.get(ctx.owner(unit_id, adopted))
            if owner is not None:
                owner["adopted"] += 1
    for unit_id, level, day in adoptions:
        owner = rows.get(ctx.owner(unit_id, day))
        if owner is not None:
            owner[level] += 1
    rules, weights = ctx.rules_at(period.start)
    for row in rows.values():
        row["score"] = (
            row["submitted"] * weights.submitted
            + row["adopted"] * weights.adopted
            + sum(row[level] * weights.level_weight(level) for level in LEVELS)
        )
        unit = ctx.units[row["id"]]
        assessed_from = ctx.assessed_from.get(unit.pk)
        merge = ctx.lineage.get(unit.pk)
        if assessed_from and assessed_from > period.end:
            row["assessed"] = False
            row["note"] = f"自{Period.containing(period.kind, assessed_from).label}起考核"
        elif merge and merge[1] <= period.end:
            row["assessed"] = False
            row["note"] = f"{merge[1]:%Y年%m月%d日}并入{ctx.units[merge[0]].name}"
        elif period.kind == PERIOD_WEEK and not _weekly(rules, unit):
            row["assessed"] = False
            row["note"] = "按月考核，不参加周排名"
        row["quota"], row["quota_met"] = _quota(ctx, unit, period, row.pop("submissions"), rules)
        if not row["assessed"]:
            row["quota_met"] = None
    categories = []
    for code, label in ASSESSED_CATEGORIES:
        members = [row for row in rows.values() if row["category"] == code]
        assessed = [row for row in members if row["assessed"]]
        ordered = []
        for position, row in rank(assessed):
            row["rank"] = position
            ordered.append(row)
        others = sorted((row for row in members if not row["assessed"]), key=lambda r: (r["name"], r["id"]))
        for row in others:
            row["rank"] = None
        last = max((row["rank"] for row in ordered), default=None) if len(ordered) > 1 else None
        few = len(ordered) < weights.interview_min_units
        for row in ordered:
            row["last"] = (
                last is not None and row["rank"] == last and row["rank"] != 1 and (not few or row["quota_met"] is False)
            )
        for row in others:
            row["last"] = False
        categories.append({"code": code, "label": label, "rule": rules.get(code), "rows": ordered + others})
    return categories


def ranked_rows(ctx, period):
    """The categories of ``period`` with their ranked rows (no 约谈 or commendation lists): what the
    summaries over several months add up."""
    return _ranked_rows(ctx, period)


def build_report(period, today=None, ctx=None):
    ctx = ctx or Context(today)
    report = Report(period=period, today=ctx.today)
    if period.start > ctx.today:
        report.future = True
        return report
    report.ongoing = period.end >= ctx.today
    report.categories = _ranked_rows(ctx, period)
    earlier = [_ranked_rows(ctx, period.previous()), _ranked_rows(ctx, period.previous().previous())]
    last_ids = [{row["id"] for c in cats for row in c["rows"] if row["last"]} for cats in earlier]
    top = ctx.rules_at(period.start)[1].commend_top
    for category in report.categories:
        for row in category["rows"]:
            row["interview"] = row["last"] and all(row["id"] in ids for ids in last_ids)
            row["commended"] = (
                row["rank"] is not None and row["rank"] <= top and row["score"] > 0 and row["quota_met"] is not False
            )
            if row["interview"]:
                report.interview.append(row)
            if row["commended"]:
                report.commended.append(row)
    return report


def trend(period, count=6, today=None, ctx=None):
    """Submitted and adopted items of all assessed units over the ``count`` periods up to ``period``."""
    ctx = ctx or Context(today)
    periods = [period]
    while len(periods) < count:
        periods.insert(0, periods[0].previous())
    points = []
    for each in periods:
        if each.start > ctx.today:
            points.append({"period": each, "submitted": 0, "adopted": 0})
            continue
        rows = [row for c in _ranked_rows(ctx, each) for row in c["rows"]]
        points.append(
            {"period": each, "submitted": sum(r["submitted"] for r in rows), "adopted": sum(r["adopted"] for r in rows)}
        )
    return points
