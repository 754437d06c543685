"""Fixtures of the publication review: two reporting units, their people and the committee's reviewers."""

from types import SimpleNamespace

import pytest

from review.models import ReportingUnit
from tests.review.helpers import make_unit, make_user


@pytest.fixture
def people(home, news_column, notice_column):
    """Unit A (公安局) reports to 政法要闻, unit B (司法局) to 通知公告; plus office, checker, final leader."""
    ns = SimpleNamespace(news_column=news_column, notice_column=notice_column)
    ns.correspondent = make_user("xxy_a")
    ns.leader = make_user("ld_a")
    ns.other_correspondent = make_user("xxy_b")
    ns.other_leader = make_user("ld_b")
    ns.office = make_user("office", groups=["办公室审核员"])
    ns.checker = make_user("checker", groups=["信息检查员"])
    ns.final = make_user("final", groups=["分管领导"])
    ns.unit = make_unit("测试市公安局", ReportingUnit.CATEGORY_KEY, [news_column], ns.correspondent, ns.leader)
    ns.other_unit = make_unit(
        "测试市司法局", ReportingUnit.CATEGORY_KEY, [notice_column], ns.other_correspondent, ns.other_leader
    )
    return ns


@pytest.fixture
def township(people):
    """青石镇, a township reporting to 政法要闻, with its correspondent and leader; the reviewers of ``people``."""
    ns = SimpleNamespace(**vars(people))
    ns.correspondent = make_user("xxy_qsz")
    ns.leader = make_user("ld_qsz")
    ns.unit = make_unit("青石镇", ReportingUnit.CATEGORY_TOWNSHIP, [people.news_column], ns.correspondent, ns.leader)
    return ns
