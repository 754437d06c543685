"""Helpers of the publication review tests: people and units, the item form, and each review step."""

import json

from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsPage
from review.models import UnitMember
from tests.portal.factories import PASSWORD, UserFactory
from tests.review.factories import ReportingUnitFactory, UnitMemberFactory

XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def make_user(username, *, groups=(), superuser=False):
    return UserFactory(username=username, groups=groups, is_superuser=superuser)


def make_unit(name, category, columns, correspondent, leader):
    """A unit reporting to ``columns``, with its correspondent and its leader."""
    unit = ReportingUnitFactory(name=name, category=category, columns=columns)
    UnitMemberFactory(unit=unit, user=correspondent)
    UnitMemberFactory(unit=unit, role=UnitMember.ROLE_LEADER, name=f"{name}领导", phone="0571-88000000", user=leader)
    unit.save()
    return unit


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
