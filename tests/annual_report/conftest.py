"""A site with two years of records on both sides of 1 January 2025 / 2026, and the people who use the report.

Each record's dates are listed in ``TIMELINE`` so the tests can work out the expected figures on their own.
"""

import secrets
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine

from analytics.models import DailyStat, Scope
from columns.plugins.gov_info.models import GovInfoColumnPage, GovInfoPage
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticeColumnPage, NoticePage
from columns.plugins.topics.models import TopicColumnPage, TopicPage
from disclosure.models import InformationRequest, RequestStatus
from feedback.models import ErrorReport, ReportStatus
from mailbox.models import Letter, Status
from review.models import ReportingUnit
from tests.columns.factories import page_factory
from tests.columns.helpers import add_column
from tests.mailbox.helpers import make_letter
from tests.review.helpers import make_unit, make_user

TZ = ZoneInfo("Asia/Shanghai")
YEAR = 2025


def at(*args):
    return datetime(*args, tzinfo=TZ)


TIMELINE = SimpleNamespace(
    # (column, first published)
    columns={"news": at(2024, 5, 1), "notices": at(2025, 3, 1), "gov_info": at(2025, 7, 1), "topics": at(2024, 5, 1)},
    # (column key, title, publish date, live)
    items=[
        ("news", "去年最后一条", at(2024, 12, 31, 23, 59), True),
        ("news", "新年第一条", at(2025, 1, 1, 0, 1), True),
        ("news", "年末一条", at(2025, 12, 31, 23, 59), True),
        ("news", "未发布的草稿", at(2025, 6, 1), False),
        ("news", "次年第一条", at(2026, 1, 1, 0, 1), True),
        ("notices", "关于平安建设条例的解读", at(2025, 6, 1), True),
        ("notices", "通知", at(2025, 8, 1), True),
        ("gov_info", "矛盾纠纷多元化解条例政策解读", at(2025, 9, 1), True),
        ("gov_info", "2024年文件", at(2024, 9, 1), True),
    ],
    topics=[at(2024, 6, 1), at(2025, 2, 1), at(2026, 1, 2)],
    # (day, scope, views, visitors)
    visits=[
        (date(2024, 12, 31), Scope.SITE, 500, 50),
        (date(2025, 1, 1), Scope.SITE, 120, 30),
        (date(2025, 12, 31), Scope.SITE, 80, 20),
        (date(2025, 12, 31), Scope.COLUMN, 40, 10),
        (date(2026, 1, 1), Scope.SITE, 999, 99),
    ],
    # (arrived, answered or None, published)
    letters=[
        (at(2024, 12, 30, 10), at(2025, 1, 3, 10), False),
        (at(2025, 3, 1, 9), at(2025, 3, 11, 17), True),
        (at(2025, 12, 30, 9), at(2026, 1, 5, 9), False),
        (at(2025, 11, 1, 9), None, False),
        (at(2026, 1, 2, 9), None, False),
    ],
    corrections=[
        (at(2024, 12, 31, 20), at(2025, 1, 2, 9)),
        (at(2025, 4, 1, 9), at(2025, 4, 4, 9)),
        (at(2025, 6, 1, 9), None),
        (at(2025, 12, 31, 23), at(2026, 1, 4, 9)),
    ],
    requests=[
        (at(2024, 12, 20, 9), at(2025, 1, 10, 9)),
        (at(2025, 5, 1, 9), at(2025, 5, 20, 9)),
        (at(2025, 12, 25, 9), None),
    ],
)


def _column(home, key, model, title, slug):
    with time_machine.travel(TIMELINE.columns[key], tick=False):
        return add_column(home, model, title, slug)


def _citizen_fields():
    return {"submission_key": secrets.token_urlsafe(16), "query_code_hash": "x", "phone": "13800000000"}


@pytest.fixture
def timeline(home):
    columns = {
        "news": _column(home, "news", NewsColumnPage, "政法要闻", "zfyw"),
        "notices": _column(home, "notices", NoticeColumnPage, "通知公告", "tzgg"),
        "gov_info": _column(home, "gov_info", GovInfoColumnPage, "政务公开", "zwgk"),
        "topics": _column(home, "topics", TopicColumnPage, "专题专栏", "ztzl"),
    }
    models = {"news": NewsPage, "notices": NoticePage, "gov_info": GovInfoPage}
    for index, (key, title, moment, live) in enumerate(TIMELINE.items):
        extra = {"issuing_body": "市委政法委", "written_date": moment.date()} if key == "gov_info" else {}
        with time_machine.travel(moment, tick=False):
            item = page_factory(models[key])(
                parent=columns[key], title=title, slug=f"item-{index}", publish_date=moment, live=live, **extra
            )
            if live:
                item.save_revision().publish()
    for index, moment in enumerate(TIMELINE.topics):
        with time_machine.travel(moment, tick=False):
            topic = page_factory(TopicPage)(
                parent=columns["topics"], title=f"专题{index}", slug=f"topic-{index}", intro="专题", start_date=moment
            )
            topic.save_revision().publish()
    for day, scope, views, visitors in TIMELINE.visits:
        DailyStat.objects.create(day=day, scope=scope, key=f"{scope}-{day}", views=views, visitors=visitors)
    for arrived, answered, published in TIMELINE.letters:
        with time_machine.travel(arrived, tick=False):
            letter, _ = make_letter(allow_publish=published)
        if answered:
            Letter.objects.filter(pk=letter.pk).update(status=Status.REPLIED, answered_at=answered)
    for index, (arrived, closed) in enumerate(TIMELINE.corrections):
        ErrorReport.objects.create(
            tracking_number=f"JC-{index}",
            received_at=arrived,
            page_url="/zfyw/",
            error_type="content",
            description="错别字",
            status=ReportStatus.FIXED if closed else ReportStatus.RECEIVED,
            closed_at=closed,
            **_citizen_fields(),
        )
    for index, (arrived, answered) in enumerate(TIMELINE.requests):
        InformationRequest.objects.create(
            tracking_number=f"YS-{index}",
            received_at=arrived,
            applicant_type="citizen",
            applicant_name="孙丽华",
            id_number="330102198506121234",
            description="经费使用情况",
            medium="paper",
            delivery="post",
            status=RequestStatus.ANSWERED if answered else RequestStatus.RECEIVED,
            outcome="disclosed" if answered else "",
            answered_at=answered,
            **_citizen_fields(),
        )
    return SimpleNamespace(home=home, columns=columns)


@pytest.fixture
def office(db):
    return make_user("office", groups=["办公室审核员"])


@pytest.fixture
def site_admin(db):
    return make_user("webmaster", groups=["网站管理员"])


@pytest.fixture
def correspondent(news_column):
    """A reporting unit's 信息员: admin access through the unit's group, nothing else."""
    user = make_user("xxy")
    make_unit("测试市公安局", ReportingUnit.CATEGORY_KEY, [news_column], user, make_user("ld"))
    return user
