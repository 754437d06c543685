"""Property-based tests: totals add up, and rankings with ties are stable and deterministic."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import transaction

from assessment.periods import Period
from assessment.ranking import rank
from assessment.scoring import build_report
from review.models import ReportingUnit
from tests.assessment.helpers import at, make_item, make_unit

entries = st.lists(
    st.fixed_dictionaries(
        {
            "score": st.integers(min_value=0, max_value=6).map(Decimal),
            "name": st.sampled_from(["甲镇", "乙镇", "丙镇", "丁镇"]),
        }
    ),
    max_size=12,
).map(lambda items: [dict(item, id=i) for i, item in enumerate(items)])


@settings(max_examples=50, deadline=None)
@given(entries, st.randoms())
def test_ranking_is_competition_ranking_and_independent_of_input_order(items, random):
    ranked = rank(items)
    shuffled = list(items)
    random.shuffle(shuffled)
    assert [(r, e["id"]) for r, e in rank(shuffled)] == [(r, e["id"]) for r, e in ranked]
    for position, entry in ranked:
        assert position == 1 + sum(1 for other in items if other["score"] > entry["score"])
    keys = [(-e["score"], e["name"], e["id"]) for _, e in ranked]
    assert keys == sorted(keys)


@settings(max_examples=50, deadline=None)
@given(entries)
def test_ties_share_a_rank_and_the_next_rank_skips(items):
    ranked = rank(items)
    for i, (position, entry) in enumerate(ranked):
        if i and ranked[i - 1][1]["score"] == entry["score"]:
            assert position == ranked[i - 1][0]
        else:
            assert position == i + 1


# Per unit, a list of (day offset from 1 October 2026, published?) items.
unit_items = st.lists(
    st.lists(st.tuples(st.integers(min_value=0, max_value=75), st.booleans()), max_size=6), min_size=1, max_size=4
)


@pytest.mark.django_db
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=unit_items)
def test_totals_add_up(news_column, plan):
    november = Period("month", 2026, 11)
    with transaction.atomic(), time_machine.travel(at(2026, 12, 20), tick=False):
        for index, items in enumerate(plan):
            unit = make_unit(f"单位{index}", ReportingUnit.CATEGORY_TOWNSHIP)
            for offset, published in items:
                day = at(2026, 10, 1) + timedelta(days=offset)
                make_item(news_column, unit, submitted=day, published=day + timedelta(hours=1) if published else None)
        report = build_report(november)
        in_november = [
            (offset, published)
            for items in plan
            for offset, published in items
            if november.start <= (at(2026, 10, 1) + timedelta(days=offset)).date() <= november.end
        ]
        totals = report.totals()
        assert totals["submitted"] == len(in_november)
        assert totals["adopted"] == sum(1 for _, published in in_november if published)
        assert totals["score"] == totals["submitted"] * 1 + totals["adopted"] * 5
        assert sum(row["score"] for row in report.rows) == totals["score"]
        ranks = sorted(row["rank"] for row in report.rows)
        assert ranks[0] == 1 and len(report.rows) == len(plan)
        transaction.set_rollback(True)
