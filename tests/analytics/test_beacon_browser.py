"""The beacon in a real headless Chromium: each view of a page is counted, and the beacon sends no cookie."""

import os

import pytest
from playwright.sync_api import sync_playwright

from analytics.models import Hit
from columns.plugins.news.models import NewsPage
from tests.columns.helpers import add_items

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# Headless Chromium says "HeadlessChrome", which the beacon ignores as a bot; a visitor's browser does not.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"


@pytest.mark.django_db(transaction=True)
def test_every_view_is_counted_by_the_beacon_without_cookies(live_server, news_column, monkeypatch):
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: install Debian's chromium package (scripts/test does)"
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    article = add_items(news_column, NewsPage, 1)[0]
    sent, answers = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context(user_agent=BROWSER, locale="zh-CN").new_page()
        page.set_default_timeout(20_000)
        for _ in range(2):
            with page.expect_response(lambda response: "/analytics/hit/" in response.url) as beacon:
                page.goto(f"{live_server.url}{article.url}")
            sent.append(beacon.value.request.all_headers())
            answers.append(beacon.value.json())
        browser.close()
    assert len(sent) == 2 and not any("cookie" in headers for headers in sent)
    assert [answer["views"] for answer in answers] == [1, 2]
    assert list(Hit.objects.values_list("page_id", flat=True)) == [article.pk, article.pk]
