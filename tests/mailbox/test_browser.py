"""书记信箱 in a real headless Chromium: write a letter, keep the receipt, look the letter up.

Uses Debian's /usr/bin/chromium (scripts/test installs it); a missing browser fails the test.
"""

import os
import re

import pytest
from playwright.sync_api import expect, sync_playwright

from mailbox.models import Letter
from tests.mailbox.helpers import CONTENT, TITLE, png_bytes

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def browser_page(monkeypatch):
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test does)"
    # Playwright's sync API runs an event loop in this thread; the test's ORM calls are still synchronous.
    # Set only for this test, so it never leaks into other tests' subprocesses (check --deploy refuses it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN")
        page.set_default_timeout(15_000)
        yield page
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_a_citizen_writes_a_letter_and_looks_it_up(live_server, home, browser_page, tmp_path):
    page = browser_page
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(png_bytes())

    page.goto(f"{live_server.url}/mailbox/write/")
    expect(page.locator("h1")).to_have_text("我要写信")
    page.fill("#id_name", "王小明")
    page.fill("#id_phone", "13800001234")
    page.select_option("#id_category", "suggestion")
    page.fill("#id_title", TITLE)
    page.fill("#id_content", CONTENT)
    page.set_input_files("#id_attachments", str(photo))
    page.check("#id_allow_publish")
    page.fill("#id_captcha_1", "PASSED")
    page.get_by_role("button", name="提交来信").click()

    expect(page.locator("h1")).to_have_text("来信已提交")
    number = page.locator('[data-receipt="number"]').inner_text().strip()
    code = page.locator('[data-receipt="code"]').inner_text().strip()
    assert re.fullmatch(r"SJ\d{8}-\d{4}", number) and re.fullmatch(r"\d{10}", code)
    letter = Letter.objects.get()
    assert letter.number == number and letter.attachments.count() == 1 and letter.allow_publish

    page.get_by_role("link", name="查询办理进度").click()
    page.fill("#id_number", number)
    page.fill("#id_query_code", "0000000000" if code != "0000000000" else "1111111111")
    page.get_by_role("button", name="查询", exact=True).click()
    expect(page.locator("[role=alert]")).to_contain_text("信件编号或查询码不正确")

    page.fill("#id_number", number)
    page.fill("#id_query_code", code)
    page.get_by_role("button", name="查询", exact=True).click()
    expect(page.locator("[data-status]")).to_have_text("待受理")
    expect(page.locator(".mailbox-status")).to_contain_text(TITLE)


@pytest.mark.django_db(transaction=True)
def test_bad_input_keeps_what_was_typed_in_the_browser(live_server, home, browser_page):
    page = browser_page
    page.goto(f"{live_server.url}/mailbox/write/")
    page.fill("#id_name", "王小明")
    page.fill("#id_phone", "12345")
    page.select_option("#id_category", "complaint")
    page.fill("#id_title", TITLE)
    page.fill("#id_content", CONTENT)
    page.fill("#id_captcha_1", "PASSED")
    page.get_by_role("button", name="提交来信").click()
    expect(page.locator(".mailbox-form__summary")).to_contain_text("提交未成功")
    expect(page.locator(".mailbox-form__field--phone")).to_contain_text("请输入有效的电话号码")
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_content")).to_have_value(CONTENT)
    assert not Letter.objects.exists()
