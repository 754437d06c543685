"""Fixtures of the publication review: two reporting units, their people and the committee's reviewers.

Import the fixtures into a test module with ``from tests.fixtures_review import *``.
"""

import json
from types import SimpleNamespace

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsPage
from review.models import ReportingUnit, UnitMember

PASSWORD = "correct-horse-battery"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

__all__ = [
    "PASSWORD",
    "XHR",
    "action_url",
    "add_item_url",
    "approve",
    "check",
    "current_task_state",
    "item_data",
    "login",
    "people",
    "publish_item",
    "review_action_url",
    "sign",
    "submit_item",
    "through_check",
]


def make_user(username, *, groups=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.gov.cn", is_superuser=superuser
    )
    if groups:
        user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def make_unit(name, category, columns, correspondent, leader):
    unit = ReportingUnit.objects.create(name=name, category=category)
    unit.allowed_columns.set(columns)
    UnitMember.objects.create(
        unit=unit, role=UnitMember.ROLE_CORRESPONDENT, name=f"{name}信息员", phone="13800000001", user=correspondent
    )
    UnitMember.objects.create(
        unit=unit, role=UnitMember.ROLE_LEADER, name=f"{name}领导", phone="0571-88000000", user=leader
    )
    unit.save()
    return unit


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


def login(client, user):
    """Sign in as ``user`` with a fresh session, so no flash message of the previous user shows."""
    client.logout()
    client.cookies.clear()
    client.force_login(user)
    return client


def add_item_url(column, model=NewsPage):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{column.pk}/"


def item_data(action="action-submit", **overrides):
    data = {
        "title": "公安局开展反诈宣传进社区活动",
        "slug": "fzxc",
        "publish_date": "2026-11-20 09:00",
        "source": "测试市公安局",
        "author": "张三",
        "editor": "",
        "summary": "",
        "lead_image": "",
        "body": streamfield([("paragraph", rich_text("<p>近日，市公安局民警走进社区开展反诈宣传。</p>"))]),
        "attachments": streamfield([]),
    }
    if action:
        data[action] = action.removeprefix("action-")
    data.update(overrides)
    return nested_form_data(data)


def submit_item(client, user, column, **overrides):
    """The correspondent drafts an item in ``column`` and submits it to the workflow; returns the page."""
    login(client, user)
    response = client.post(add_item_url(column), item_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsPage.objects.get(slug=overrides.get("slug", "fzxc"))


def current_task_state(page):
    page.refresh_from_db()
    return page.current_workflow_task_state


def action_url(page, action, task_state):
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def review_action_url(page, action, task_state):
    return f"/admin/review/workflow/{page.pk}/{action}/{task_state.pk}/"


def approved_states(page):
    return TaskState.objects.for_instance(page).filter(status=TaskState.STATUS_APPROVED)


def sign(client, people, page, password=PASSWORD, comment="同意报送。"):
    login(client, people.leader)
    task_state = current_task_state(page)
    return client.post(
        review_action_url(page, "approve", task_state), {"comment": comment, "password": password}, **XHR
    )


def approve(client, user, page, **data):
    login(client, user)
    return client.post(action_url(page, "approve", current_task_state(page)), data)


def check(client, people, page, **data):
    login(client, people.checker)
    return client.post(review_action_url(page, "approve", current_task_state(page)), data, **XHR)


def through_check(client, people, page):
    assert json.loads(sign(client, people, page).content)["step"] == "success"
    approve(client, people.office, page)
    assert json.loads(check(client, people, page).content)["step"] == "success"


def publish_item(client, people, **overrides):
    """Take an item of unit A through every step until it is published."""
    page = submit_item(client, people.correspondent, people.news_column, **overrides)
    through_check(client, people, page)
    approve(client, people.final, page)
    page.refresh_from_db()
    assert page.live
    return page
