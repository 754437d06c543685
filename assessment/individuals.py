"""Individuals ranked over a period: per correspondent (信息员, from the reported item) and per author
(撰稿人, recorded by the office), with the author's cadre rank shown, so the committee's rule
"科级干部带头写，股室长示范写" can be seen in every report.

写稿 (written) and 采用 (adopted) count exactly as the unit ranking does (first submission, first publication
while live); 上级采用 counts a higher adoption linked to the item (``HigherAdoption.page``). An item with
several authors counts in full for each of them. Scores use the unit weights in force at the start of the
last period asked for.
"""

from decimal import Decimal

from review.models import UnitMember
from review.people import member_label

from .models import LEVEL_CHOICES, Author, Authorship, HigherAdoption
from .ranking import rank

LEVELS = [code for code, _ in LEVEL_CHOICES]

HEADERS = ["名次", "姓名", "单位", "写稿", "本网站采用", "上级采用", "得分"]
RANK_HEADERS = ["职级", "人数", "写稿", "本网站采用", "上级采用"]


def _empty(entry_id, name, unit, **extra):
    return {"id": entry_id, "name": name, "unit": unit, "written": 0, "adopted": 0, "higher": 0, **extra} | {
        level: 0 for level in LEVELS
    }


def _add(row, written, adopted, higher_levels):
    row["written"] += written
    row["adopted"] += adopted
    for level in higher_levels:
        row[level] += 1
        row["higher"] += 1


def _page_counts(ctx, periods):
    """{page id: [written, adopted, [levels of higher adoptions]]} over ``periods``."""
    counts = {}
    for period in periods:
        for page_id, _unit, _member, submitted, adopted in ctx.item_rows:
            written = bool(submitted and period.start <= submitted <= period.end)
            taken = bool(adopted and period.start <= adopted <= period.end)
            if written or taken:
                entry = counts.setdefault(page_id, [0, 0, []])
                entry[0] += written
                entry[1] += taken
    start, end = min(p.start for p in periods), max(p.end for p in periods)
    for page_id, level in HigherAdoption.objects.filter(date__range=(start, end), page__isnull=False).values_list(
        "page_id", "level"
    ):
        counts.setdefault(page_id, [0, 0, []])[2].append(level)
    return counts


def _score(row, weights):
    return (
        row["written"] * weights.submitted
        + row["adopted"] * weights.adopted
        + sum((row[level] * weights.level_weight(level) for level in LEVELS), Decimal(0))
    )


def _ranked(rows, weights):
    for row in rows:
        row["score"] = _score(row, weights)
    result = []
    for position, row in rank(rows):
        row["rank"] = position
        result.append(row)
    return result


def individuals(ctx, periods, weights=None):
    """The correspondents' and the authors' rankings and the summary by cadre rank over ``periods``
    (one period, or the months of a span). Three queries whatever the number of people."""
    periods = list(periods)
    weights = weights or ctx.rules_at(periods[-1].start)[1]
    counts = _page_counts(ctx, periods)
    members_of = {page_id: member_id for page_id, _unit, member_id, _s, _a in ctx.item_rows if member_id}
    member_ids = {members_of[page_id] for page_id in counts if page_id in members_of}
    members = {m.pk: m for m in UnitMember.objects.filter(pk__in=member_ids).select_related("unit")}
    correspondents = {}
    for page_id, (written, adopted, levels) in counts.items():
        member = members.get(members_of.get(page_id))
        if member is None:
            continue
        row = correspondents.get(member.pk)
        if row is None:
            row = correspondents[member.pk] = _empty(member.pk, member_label(member), member.unit.name)
        _add(row, written, adopted, levels)

    authors = {
        author.pk: _empty(author.pk, author.label, author.unit.name, author_rank=author.rank)
        for author in Author.objects.select_related("unit")
    }
    for page_id, author_id in Authorship.objects.values_list("page_id", "author_id"):
        if page_id in counts and author_id in authors:
            written, adopted, levels = counts[page_id]
            _add(authors[author_id], written, adopted, levels)

    by_rank = []
    for code, label in Author.RANK_CHOICES:
        group = [row for row in authors.values() if row["author_rank"] == code]
        by_rank.append(
            {
                "label": label,
                "people": len(group),
                "written": sum(r["written"] for r in group),
                "adopted": sum(r["adopted"] for r in group),
                "higher": sum(r["higher"] for r in group),
            }
        )
    return {
        "correspondents": _ranked(list(correspondents.values()), weights),
        "authors": _ranked(list(authors.values()), weights),
        "by_rank": by_rank,
    }


def row_values(row):
    return [row["rank"], row["name"], row["unit"], row["written"], row["adopted"], row["higher"], float(row["score"])]


def rank_values(row):
    return [row["label"], row["people"], row["written"], row["adopted"], row["higher"]]
