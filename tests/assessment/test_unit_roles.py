"""Only units that report items are assessed: a unit that only handles letters is never ranked."""

import pytest

from review.models import ReportingUnit
from tests.assessment.helpers import make_unit, report_rows

pytestmark = pytest.mark.django_db


def test_a_letters_only_unit_is_not_ranked(staff):
    make_unit("甲镇", ReportingUnit.CATEGORY_TOWNSHIP)
    both = make_unit("乙镇", ReportingUnit.CATEGORY_TOWNSHIP)
    both.handles_letters = True
    both.save()
    letters_only = make_unit("丙镇", ReportingUnit.CATEGORY_TOWNSHIP)
    letters_only.reports_items = False
    letters_only.handles_letters = True
    letters_only.save()
    rows = report_rows(staff, "month", 2026, 11)
    assert "甲镇" in rows and "乙镇" in rows and "丙镇" not in rows
