"""The Content-Security-Policy in a real headless Chromium: public pages and the admin load without
a single violation (Debian's /usr/bin/chromium through Playwright)."""

import os

import pytest
from playwright.sync_api import sync_playwright

from tests.portal.factories import PASSWORD, UserFactory

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync", "--no-first-run"]
# Records violations in the page itself; init scripts are injected by the browser, not subject to the policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture
def browser_page(monkeypatch):
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test does)"
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN")
        page.set_default_timeout(20_000)
        page.add_init_script(RECORD_VIOLATIONS)
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.console_messages = console
        yield page
        browser.close()


def violations(page):
    reported = page.evaluate("window.__cspViolations")
    return reported + [text for text in page.console_messages if "Content Security Policy" in text]


def visit(page, url):
    page.console_messages.clear()
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status == 200, url
    assert response.headers["content-security-policy"]
    return violations(page)


@pytest.mark.django_db(transaction=True)
def test_public_pages_run_under_the_policy(live_server, home, news_item, browser_page):
    found = {}
    for path in ["/", news_item.url, "/mailbox/write/", "/search/?q=政法"]:
        found[path] = visit(browser_page, f"{live_server.url}{path}")
    assert found == {path: [] for path in found}


@pytest.mark.django_db(transaction=True)
def test_admin_runs_under_the_policy(live_server, home, news_item, browser_page):
    user = UserFactory(superuser=True)
    page = browser_page
    found = {"/admin/login/": visit(page, f"{live_server.url}/admin/login/")}
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    admin_pages = [
        "/admin/",
        f"/admin/pages/{news_item.pk}/edit/",
        f"/admin/pages/{news_item.get_parent().pk}/",
        "/admin/images/",
        "/admin/account/",
        "/admin/2fa/setup/",
        "/admin/assessment/print/",
        "/",  # public pages with the userbar of a signed-in editor
        news_item.url,
    ]
    for path in admin_pages:
        found[path] = visit(page, f"{live_server.url}{path}")
    assert found == {path: [] for path in found}
