"""Demo of 网站纠错, 依申请公开 and visitor statistics: the 政务公开 pages exist, a second run changes nothing."""

import io

import pytest

from django.core.management import call_command

from analytics.models import DailyStat, Hit, Scope
from disclosure.models import DisclosurePage, InformationRequest
from feedback.models import ErrorReport

pytestmark = pytest.mark.django_db


def test_the_public_demo_fills_the_apps_once_and_the_pages_render(client, monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "s3cret-Demo-pass")
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_public_demo", stdout=io.StringIO())
    counts = (ErrorReport.objects.count(), InformationRequest.objects.count(), Hit.objects.count())
    call_command("seed_public_demo", stdout=io.StringIO())
    assert counts == (ErrorReport.objects.count(), InformationRequest.objects.count(), Hit.objects.count())
    assert counts[:2] == (2, 2) and counts[2] > 0
    assert DailyStat.objects.filter(scope=Scope.SITE).count() == 14
    titles = set(DisclosurePage.objects.live().values_list("title", flat=True))
    assert titles == {"信息公开指南", "信息公开制度", "政府信息公开年度报告", "依申请公开"}
    html = client.get(DisclosurePage.objects.get(slug="ysqgk").url).content.decode()
    assert "/disclosure/apply/" in html and "在线申请" in html
    assert "已纠正 <strong>1</strong> 条" in client.get("/feedback/").content.decode()
