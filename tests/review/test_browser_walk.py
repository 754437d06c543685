"""The publication review replayed in a real headless Chromium: a township correspondent drafts and
submits an item, the unit's leader signs on a 390px phone, the office re-reviews, the automatic check
passes, the leader in charge approves, the item is published, the unit is notified and confirms it.
And a forbidden word added at the final step never goes live: the review starts again from the
signature and the check catches it.

Uses Debian's /usr/bin/chromium (scripts/test installs it); the tests skip when it is absent.
"""

import io
import os
import re
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

from django.apps import apps as django_apps
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.test import Client

from wagtail.models import PageLogEntry, TaskState, WorkflowState

from columns.plugins.news.models import NewsPage
from review.models import CheckReport, PostPublicationCheck, SensitiveWord, Signature
from tests.review.helpers import PASSWORD, add_item_url, approve, current_task_state, submit_item, through_check

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
TITLE = "青石镇开展平安创建宣传活动"
FORBIDDEN = "翻墙"

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is missing (scripts/test installs chromium)"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def defaults_from_migrations(home):
    """A transactional test starts from a flushed database: put back the review workflow and the role
    groups that migrations install (reloading a serialized copy clashes with the content types that the
    previous test's flush re-created)."""
    import_module("review.migrations.0002_default_workflow").install(django_apps, None)
    call_command("sync_roles", stdout=io.StringIO())


# Every point of the dialog, and the centre of its submit button, must be the dialog itself: nothing
# (the editor's action menu, the footer) may lie on top of it.
HIT_TEST = """() => {
    const dialog = [...document.querySelectorAll('.modal .modal-content')].pop();
    const box = dialog.getBoundingClientRect();
    const covered = [];
    for (let y = Math.max(box.top, 0) + 2; y < Math.min(box.bottom, window.innerHeight); y += 4) {
        for (let x = box.left + 2; x < box.right; x += 24) {
            const hit = document.elementFromPoint(x, y);
            if (!dialog.contains(hit)) covered.push(`${x},${y}: ${hit && hit.outerHTML.slice(0, 60)}`);
        }
    }
    const button = dialog.querySelector('form button[type=submit]');
    const rect = button.getBoundingClientRect();
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return {covered, button: hit === button || button.contains(hit)};
}"""


@pytest.fixture
def browser(monkeypatch):
    """Started per test, after the database is set up: inside Playwright's event loop Django sees other
    connection objects, which would miss the serialized contents the rollback restores."""
    # Playwright's sync API runs an event loop in this thread; the tests' ORM calls are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_as(browser, live_server):
    """A browser tab signed in as ``user`` (a session made on the server, no login form)."""
    contexts = []

    def open_tab(user, viewport=DESK):
        client = Client()
        client.force_login(user)
        context = browser.new_context(locale="zh-CN", viewport=viewport)
        contexts.append(context)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
        tab = context.new_page()
        tab.set_default_timeout(15_000)
        return tab

    yield open_tab
    for context in contexts:
        context.close()


def public_path(page):
    page.refresh_from_db()
    return urlsplit(page.specific.get_url()).path


def assert_dialog_on_top(tab):
    tab.locator(".modal form button[type=submit]").scroll_into_view_if_needed()
    result = tab.evaluate(HIT_TEST)
    assert result["covered"] == [], result["covered"][:5]
    assert result["button"]


def type_into_paragraph(tab, text):
    """Type at the end of the body's first paragraph, and wait until the editor has put it into the form."""
    paragraph = tab.locator("[data-contentpath=body] [role=textbox]").first
    paragraph.click()
    paragraph.press("End")
    paragraph.press_sequentially(text)
    paragraph.blur()
    expect(tab.locator("#body-0-value")).to_have_value(re.compile(re.escape(text)))


def act_from_dashboard(tab, title, label):
    """On Wagtail's "awaiting your review" panel, pick ``label`` from the item's action menu."""
    row = tab.locator("#awaiting-review-content tr", has_text=title)
    row.locator(".w-dropdown__toggle").click()
    row.get_by_role("button", name=label, exact=True).click()


def test_the_whole_review_walk(live_server, township, open_as):
    people = township
    # 1. The township's correspondent drafts the item in the editor and submits it.
    desk = open_as(people.correspondent)
    desk.goto(live_server.url + add_item_url(people.news_column))
    desk.fill("#id_title", TITLE)
    desk.locator("[data-contentpath=body] .c-sf-add-button").first.click()
    desk.get_by_role("option", name="正文").first.click()
    type_into_paragraph(desk, "青石镇组织志愿者走进村组开展平安创建宣传。")
    desk.locator("footer .w-dropdown__toggle").click()
    desk.locator("footer button[name=action-submit]").click()
    desk.wait_for_load_state()
    expect(desk.locator(".messages")).to_contain_text(TITLE)
    item = NewsPage.objects.get(title=TITLE)
    sign_state = current_task_state(item)
    assert sign_state.task.specific_class.__name__ == "UnitLeaderSignTask"

    # 2. The leader, on a phone: the pending signature is the first panel, the dialog is on top, signing works.
    phone = open_as(people.leader, PHONE)
    phone.goto(f"{live_server.url}/admin/")
    first_panel = phone.locator(".w-dashboard > header + *")
    expect(first_panel).to_have_attribute("data-review-panel", "pending-signatures")
    expect(first_panel).to_contain_text(TITLE)
    assert first_panel.evaluate("panel => panel.scrollWidth <= panel.clientWidth")  # nothing cut off at 390px
    sign_button = first_panel.get_by_role("button", name="签字通过")
    expect(sign_button).to_be_in_viewport()
    sign_button.click()
    phone.locator(".modal #id_password").fill(PASSWORD)
    phone.locator(".modal #id_comment").fill("同意报送。")
    assert_dialog_on_top(phone)
    phone.locator(".modal form button[type=submit]").click()
    expect(first_panel).to_contain_text("没有待签字的信息。")
    signature = Signature.objects.get()
    assert signature.signer == people.leader and signature.comment == "同意报送。"

    # 3. The office re-reviews (录入前再审), 4. the automatic check passes (录入后检查),
    # 5. the leader in charge approves (终审).
    for user, label in ((people.office, "审核通过"), (people.checker, "检查通过"), (people.final, "审核通过")):
        tab = open_as(user)
        tab.goto(f"{live_server.url}/admin/")
        act_from_dashboard(tab, TITLE, label)
        if label == "检查通过":
            expect(tab.locator(".modal")).to_contain_text("自动检查结果")
            tab.locator(".modal form button[type=submit]").click()
        expect(tab.locator("#awaiting-review-content tr", has_text=TITLE)).to_have_count(0)
    assert CheckReport.objects.get().checked_by == people.checker

    # 6. Published, and the unit notified.
    item.refresh_from_db()
    assert item.live
    desk.goto(live_server.url + public_path(item))
    expect(desk.locator("h1")).to_have_text(TITLE)
    assert any(f"【信息已发布】{TITLE}" == message.subject for message in mail.outbox)

    # 7. The unit's 发布后复查: the correspondent confirms the published item.
    desk.goto(f"{live_server.url}/admin/")
    unit_checks = desk.locator("section[aria-labelledby=review-unit-checks-heading]")
    expect(unit_checks).to_contain_text("青石镇：已发布待复查的信息")
    unit_checks.locator("tr", has_text=TITLE).get_by_role("link", name="去复查").click()
    desk.locator("tr", has_text=TITLE).get_by_role("button", name="确认无误").click()
    expect(desk.locator(".messages")).to_contain_text(TITLE)
    assert PostPublicationCheck.objects.get(page=item).status == PostPublicationCheck.STATUS_CONFIRMED


def test_a_forbidden_word_added_at_the_final_step_never_goes_live(live_server, township, open_as):
    people = township
    SensitiveWord.objects.create(word=FORBIDDEN, level="blocking")
    client = Client()
    item = submit_item(client, people.correspondent, people.news_column, title=TITLE, slug="pacj")
    through_check(client, people, item)
    first_round = item.current_workflow_state

    # The leader in charge adds the word in the editor at 终审 and approves from the action menu.
    final = open_as(people.final)
    final.goto(f"{live_server.url}/admin/pages/{item.pk}/edit/")
    type_into_paragraph(final, f"有群众反映有人{FORBIDDEN}。")
    final.locator("footer .w-dropdown__toggle").click()
    final.locator("footer [data-workflow-action-name=approve]:not([data-workflow-action-modal-url])").click()
    expect(final.locator(".messages li").first).to_be_visible()

    item.refresh_from_db()
    first_round.refresh_from_db()
    assert not item.live and first_round.status == WorkflowState.STATUS_CANCELLED
    assert FORBIDDEN in str(item.get_latest_revision().as_object().body)
    assert PageLogEntry.objects.filter(page=item, action="review.workflow.restart").exists()
    assert current_task_state(item).task.specific_class.__name__ == "UnitLeaderSignTask"
    response = final.goto(live_server.url + public_path(item))
    assert response.status == 404 and FORBIDDEN not in final.content()

    # Back to the leader's signature, on a phone, from the editor's action menu: the dialog is not covered.
    phone = open_as(people.leader, PHONE)
    phone.goto(f"{live_server.url}/admin/pages/{item.pk}/edit/")
    phone.locator("footer .w-dropdown__toggle").click()
    phone.locator("footer [data-workflow-action-name=approve]").click()
    expect(phone.locator(".modal #id_password")).to_be_visible()
    assert_dialog_on_top(phone)
    phone.locator(".modal #id_password").fill("wrong-password")
    phone.locator(".modal form button[type=submit]").click()
    expect(phone.locator(".modal")).to_contain_text("密码不正确")
    assert Signature.objects.count() == 1  # the first round's only
    assert_dialog_on_top(phone)
    phone.locator(".modal #id_password").fill(PASSWORD)
    phone.locator(".modal form button[type=submit]").click()
    expect(phone.locator(".messages")).to_contain_text(TITLE)
    assert Signature.objects.count() == 2
    approve(client, people.office, item)

    # The automatic check runs again and finds the word: it does not pass without a written reason.
    checker = open_as(people.checker)
    checker.goto(f"{live_server.url}/admin/")
    act_from_dashboard(checker, TITLE, "检查通过")
    expect(checker.locator(".modal")).to_contain_text(FORBIDDEN)
    checker.locator(".modal form button[type=submit]").click()
    expect(checker.locator(".modal")).to_contain_text("请先退回修改，或写明放行理由")
    assert current_task_state(item).status == TaskState.STATUS_IN_PROGRESS
    checker.locator(".modal .close").click()
    act_from_dashboard(checker, TITLE, "退回修改")
    checker.locator(".modal textarea").fill(f"正文含“{FORBIDDEN}”，请删除后重新提交。")
    checker.locator(".modal form button[type=submit]").click()
    expect(checker.locator("#awaiting-review-content tr", has_text=TITLE)).to_have_count(0)

    item.refresh_from_db()
    assert not item.live and item.live_revision is None
    assert CheckReport.objects.filter(page_id=item.pk).count() == 1  # the first round's, before the change
    assert FORBIDDEN not in str(CheckReport.objects.get().revision.as_object().body)
    response = checker.goto(live_server.url + public_path(item))
    assert response.status == 404 and FORBIDDEN not in checker.content()
