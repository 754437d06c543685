"""The public site for everyone (issue 17), in Debian's Chromium through Playwright, one browser per module.

axe-core (installed from npm into var/axe by scripts/test, see scripts/_axe.sh; no network at run time) checks
every public page type at 390 px and 1366 px, in the normal view and in 长者模式: no critical or serious
violation. No page scrolls sideways at 320 px, in either mode; in 长者模式 every visible control is at least
44 × 44 px. A keyboard alone writes a letter and a legal-aid application, and after a failed submit the
focus is on the error summary.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from django.conf import settings

from columns.plugins.topics.models import TopicColumnPage
from columns.registry import get_column_types
from demo.columns import seed_column
from demo.columns.images import ensure_demo_image
from demo.columns.topics import seed_topic
from home.models import HomeBannerSlide
from legal_services.models import LegalAidApplication
from mailbox.models import Letter
from tests.columns.factories import NewsPageFactory
from tests.columns.helpers import add_column

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
AXE = Path(settings.BASE_DIR) / "var" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
ELDER = "window.localStorage.setItem('portal.a11y', JSON.stringify({elder: true, scale: 1}));"
SERIOUS = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.filter((v) => v.impact === "critical" || v.impact === "serious")
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}"""
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'))
    .filter((el) => {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return box.width > 1 && box.height > 1 && style.visibility !== "hidden" && !el.closest("[hidden]");
    })
    .filter((el) => { const box = el.getBoundingClientRect(); return box.width < 43.5 || box.height < 43.5; })
    .map((el) => { const box = el.getBoundingClientRect();
        return `${Math.round(box.width)}x${Math.round(box.height)} ${el.outerHTML.slice(0, 90)}`; })"""
OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return Array.from(document.querySelectorAll("body *"))
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .slice(0, 5).map((el) => el.outerHTML.slice(0, 90));
}"""


@pytest.fixture(scope="module")
def browser(django_db_blocker):
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test does)"
    assert AXE.exists(), f"{AXE} is missing: scripts/test installs axe-core from npm (scripts/_axe.sh)"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop in this thread
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def new_page(browser, width, *, elder=False):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    context.add_init_script(path=str(AXE))  # init scripts are not subject to the page's CSP
    if elder:
        context.add_init_script(ELDER)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def every_column_type(home):
    """Every other registered column type (planned ones too) with its demo content: the column and one of its
    pages, so that each plugin's templates are checked."""
    paths = {}
    present = {type(page.specific) for page in home.get_children()}
    for column_type in get_column_types():
        if column_type in present or column_type.__module__.startswith("tests."):
            continue
        column = add_column(home, column_type, column_type.title_for_city("清江"), column_type.default_slug)
        seed_column(column)
        paths[f"column-{column.slug}"] = column.url
        child = column.get_descendants().live().order_by("path").last()
        if child is not None:
            paths[f"page-{column.slug}"] = child.url
    return paths


@pytest.fixture
def public_site(home_with_columns, news_column, notice_item):
    """A small site with one page of each main public type; returns the paths to visit."""
    image = ensure_demo_image("测试图片", "a11y", 1200, 360)
    for index, title in enumerate(["建设更高水平的平安清江", "法治为民"]):
        HomeBannerSlide.objects.create(page=home_with_columns, image=image, title=title, sort_order=index)
    older = NewsPageFactory(parent=news_column, title="较早的新闻", slug="older", lead_image=image)
    item = NewsPageFactory(parent=news_column, title="全市政法工作会议召开", slug="meeting", lead_image=image)
    older.publish_date = item.publish_date.replace(year=item.publish_date.year - 1)
    older.save_revision().publish()
    topics = add_column(home_with_columns, TopicColumnPage, "专题专栏", "ztzl")
    seed_topic(topics)
    topic = topics.get_children().live().first()
    return {
        **every_column_type(home_with_columns),
        "home": "/",
        "column": news_column.url,
        "item": item.url,
        "notice": notice_item.url,
        "topics": topics.url,
        "topic": topic.url,
        "topic-article": topic.get_children().live().first().url,
        "sitemap": "/sitemap/",
        "search": "/search/?q=政法",
        "mailbox": "/mailbox/",
        "mailbox-write": "/mailbox/write/",
        "mailbox-statistics": "/mailbox/statistics/",
        "legal": "/legal/",
        "legal-aid": "/legal/aid/",
        "feedback": "/feedback/",
        "disclosure-apply": "/disclosure/apply/",
        "not-found": "/no-such-page/",
    }


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_every_page_type_passes_axe_fits_320_px_and_has_44_px_targets_in_elder_mode(live_server, browser, public_site):
    # Every registered column type is visited (news, notices and topics are in the site already).
    columns = [name for name in public_site if name.startswith("column-")]
    assert len(columns) == len([t for t in get_column_types() if not t.__module__.startswith("tests.")]) - 3
    problems = {}
    for width in (390, 1366, 320):
        for elder in (False, True):
            page = new_page(browser, width, elder=elder)
            for name, path in public_site.items():
                page.goto(f"{live_server.url}{path}")
                where = f"{width}px {'长者模式' if elder else '普通'} {name}"
                assert page.evaluate("document.documentElement.classList.contains('elder')") == elder, where
                if width == 320:
                    if found := page.evaluate(OVERFLOW):
                        problems[f"{where} overflows"] = found
                    continue
                if found := page.evaluate(SERIOUS):
                    problems[f"{where} axe"] = found
                if elder and (found := page.evaluate(SMALL_TARGETS)):
                    problems[f"{where} small targets"] = found
            page.context.close()
    assert not problems, "\n".join(f"{where}: {found}" for where, found in problems.items())


def tab_to(page, selector, limit=80, test="(selector) => document.activeElement.matches(selector)"):
    """Press Tab until the focus is on ``selector``: the keyboard is the only way to get there."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(test, selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page, selector, text):
    tab_to(page, selector)
    page.keyboard.type(text)


def choose(page, selector, value):
    tab_to(page, selector)
    for _ in range(20):
        if page.evaluate("(selector) => document.querySelector(selector).value", selector) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} not reachable in {selector}")


def tick(page, selector):
    tab_to(page, selector)
    page.keyboard.press("Space")


def submit(page, name):
    tab_to(
        page,
        name,
        test="(name) => document.activeElement.type === 'submit' && document.activeElement.textContent.trim() === name",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.django_db(transaction=True)
def test_a_keyboard_alone_writes_a_letter_and_a_legal_aid_application(live_server, browser, home):
    page = new_page(browser, 390, elder=True)

    page.goto(f"{live_server.url}/mailbox/write/")
    submit(page, "提交来信")
    focused = page.evaluate("document.activeElement.className")
    assert "summary" in focused, "after a failed submit the focus is on the error summary"
    page.goto(f"{live_server.url}/mailbox/write/")
    type_into(page, "#id_name", "王小明")
    type_into(page, "#id_phone", "13800001234")
    choose(page, "#id_category", "suggestion")
    type_into(page, "#id_title", "建议在社区增设法律咨询点")
    type_into(page, "#id_content", "我们小区老人多，希望每月有律师来社区解答法律问题。")
    tick(page, "#id_allow_publish")
    type_into(page, "#id_captcha_1", "PASSED")
    submit(page, "提交来信")
    expect(page.locator("h1")).to_have_text("来信已提交")
    assert Letter.objects.get().title == "建议在社区增设法律咨询点"

    page.goto(f"{live_server.url}/legal/aid/")
    type_into(page, "#id_applicant_name", "李大爷")
    type_into(page, "#id_id_number", "11010519491231002X")
    type_into(page, "#id_phone", "13800005678")
    type_into(page, "#id_address", "清江市青石镇幸福村3组")
    choose(page, "#id_case_type", "labour")
    type_into(page, "#id_facts", "我在工地干了八个月，老板拖欠工资两万元至今不给，多次讨要没有结果，希望得到法律援助。")
    choose(page, "#id_hardship_basis", "low_income")
    tick(page, "#id_truthful")
    type_into(page, "#id_captcha_1", "PASSED")
    submit(page, "提交申请")
    assert LegalAidApplication.objects.count() == 1
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_elder_mode_is_remembered_without_a_cookie_and_speech_says_when_there_is_no_chinese_voice(
    live_server, browser, news_item
):
    page = new_page(browser, 1366)
    page.goto(f"{live_server.url}{news_item.url}")
    page.get_by_role("button", name="长者模式").click()
    page.get_by_role("button", name="文字放大").click()
    page.goto(f"{live_server.url}/")
    assert page.evaluate("document.documentElement.className").split() == ["js", "elder"]
    assert page.evaluate("document.documentElement.dataset.textScale") == "2"
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == pytest.approx(25.5)
    assert page.context.cookies() == [], "the choice lives in localStorage, so cached pages stay the same for all"

    page.goto(f"{live_server.url}{news_item.url}")
    page.evaluate("speechSynthesis.getVoices = () => [{lang: 'en-US', name: 'English'}]")
    page.locator(".item__tools").get_by_role("button", name="朗读全文").click()
    expect(page.locator("#a11y-status")).to_contain_text("没有可用的中文语音")
    page.get_by_role("button", name="大", exact=True).click()
    assert page.evaluate("document.documentElement.dataset.articleSize") == "large"
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_banner_pauses_and_reduced_motion_stops_it(live_server, browser, home):
    image = ensure_demo_image("测试图片", "a11y", 1200, 360)
    for index, title in enumerate(["第一张", "第二张"]):
        HomeBannerSlide.objects.create(page=home, image=image, title=title, sort_order=index)
    page = new_page(browser, 1366)
    page.goto(f"{live_server.url}/")
    pause = page.locator("[data-banner-pause]")
    expect(pause).to_have_attribute("aria-pressed", "false")
    pause.click()
    expect(pause).to_have_attribute("aria-pressed", "true")
    expect(pause).to_contain_text("播放")
    page.emulate_media(reduced_motion="reduce")
    page.reload()
    expect(page.locator("[data-banner-pause]")).to_have_attribute("aria-pressed", "true")
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_captcha_refreshes_and_offers_a_chinese_arithmetic_question(live_server, browser, home, settings):
    settings.CAPTCHA_TEST_MODE = False
    page = new_page(browser, 390)
    page.goto(f"{live_server.url}/mailbox/write/")
    key = page.locator("#id_captcha_0")
    first = key.input_value()
    page.get_by_role("button", name="换一张").click()
    expect(key).not_to_have_value(first)
    page.get_by_role("button", name="改答算术题").click()
    expect(page.locator("[data-captcha-question]")).to_contain_text("等于几")
    expect(page.locator(".captcha-input__image")).to_be_hidden()
    page.context.close()
