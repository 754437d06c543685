"""The leader's pending signatures: the first panel of the dashboard, with the signing dialog one tap away."""

import json

import pytest

from wagtail.models import TaskState

from review.models import Signature
from tests.review.helpers import XHR, current_task_state, login, sign, submit_item

pytestmark = pytest.mark.django_db

PANEL = 'data-review-panel="pending-signatures"'


def dashboard(client, user):
    login(client, user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_leaders_pending_signatures_come_first(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    html = dashboard(client, people.leader)
    assert PANEL in html
    # before the unit's other panels (sent back, to confirm), which are ordered first among the rest
    assert html.index(PANEL) < html.index("review-sent-back-heading") < html.index("review-unit-checks-heading")
    assert "待我签字的信息（1）" in html and page.title in html
    assert "测试市公安局信息员提交" in html  # the correspondent by name, not by login
    assert f'data-review-action-url="/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"' in html
    assert "review/js/dashboard.js" in html and "review/css/admin.css" in html
    # listed once: Wagtail's "awaiting your review" panel leaves the signature to this panel
    assert 'id="awaiting-review-content"' not in html


def test_the_dialog_opened_from_the_panel_signs(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    task_state = current_task_state(page)
    login(client, people.leader)
    modal = json.loads(client.get(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", **XHR).content)
    assert modal["step"] == "action" and "登录密码" in modal["html"]
    assert json.loads(sign(client, people, page).content)["step"] == "success"
    assert Signature.objects.get().signer == people.leader
    html = dashboard(client, people.leader)
    assert "没有待签字的信息。" in html and page.title not in html.split(PANEL)[1].split("</section>")[0]


def test_only_the_items_own_leader_sees_it(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    html = dashboard(client, people.other_leader)
    assert PANEL in html and "没有待签字的信息。" in html and page.title not in html
    for user in (people.correspondent, people.office, people.final):
        assert PANEL not in dashboard(client, user)
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_the_office_still_sees_its_reviews_in_wagtails_panel(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    assert json.loads(sign(client, people, page).content)["step"] == "success"
    html = dashboard(client, people.office)
    assert 'id="awaiting-review-content"' in html and page.title in html
