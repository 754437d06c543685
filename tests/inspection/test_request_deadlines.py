"""网站纠错 and 依申请公开 in 网站健康检查: requests close to their deadline warn; past it they are overdue."""

from datetime import datetime, time, timedelta

import pytest
import time_machine

from django.test import Client

from tests.disclosure.test_disclosure import submitted as submit_information_request
from tests.feedback.test_feedback import submitted as submit_error_report
from tests.inspection.test_site_inspection import REPORT, TZ, state_of

pytestmark = pytest.mark.django_db


def on(day, hour=9):
    return time_machine.travel(datetime.combine(day, time(hour), tzinfo=TZ), tick=False)


@pytest.mark.parametrize(
    ("submit", "key", "deadline_of", "noun"),
    [
        (submit_error_report, "error_reports", lambda r: r.resolve_deadline, "纠错留言"),
        (submit_information_request, "information_requests", lambda r: r.current_deadline, "公开申请"),
    ],
)
def test_requests_warn_before_their_deadline_and_are_overdue_after_it(
    office_client, home, submit, key, deadline_of, noun
):
    with on(datetime(2026, 3, 2).date()):
        request, _ = submit(Client())
    deadline = deadline_of(request)
    with on(deadline - timedelta(days=4)):
        assert state_of(office_client.get(REPORT).content.decode(), key) == "正常"
    with on(deadline - timedelta(days=2)):
        html = office_client.get(REPORT).content.decode()
        assert state_of(html, key) == "预警"
        assert f"{noun} {request.reference}" in html and f"将到办理期限{deadline:%Y-%m-%d}" in html
    with on(deadline + timedelta(days=1)):
        html = office_client.get(REPORT).content.decode()
        assert state_of(html, key) == "已触发"
        assert "1件已超期" in html
