"""Screenshots of every public page type, in the normal view and in 长者模式, at 390 px and 1366 px.

    DJANGO_SETTINGS_MODULE=portal.settings.dev .venv/bin/python bench/screenshots.py \\
        --base-url http://127.0.0.1:8000 --out var/screenshots

Run it against the dev server (``scripts/run``) with the same settings and database: it reads one live
page of each page type from that database, adds the service pages (书记信箱, 法律服务, search, 网站地图,
404), and writes ``<out>/<width>-<mode>-<name>.png`` (full page). The folder is not committed (var/ is
git-ignored); reviewers look at the pictures. Uses Debian's Chromium through Playwright, no download.
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
WIDTHS = (390, 1366)
SERVICE_PATHS = (
    ("mailbox", "/mailbox/"),
    ("mailbox-write", "/mailbox/write/"),
    ("mailbox-statistics", "/mailbox/statistics/"),
    ("legal", "/legal/"),
    ("legal-aid", "/legal/aid/"),
    ("search", "/search/?q=政法"),
    ("sitemap", "/sitemap/"),
    ("not-found", "/no-such-page/"),
)
ELDER = '{"elder": true, "scale": 1}'


def page_paths():
    """(name, path) of one live public page of each page type, from the database the server uses."""
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    found = []
    for content_type in ContentType.objects.filter(pk__in=Page.objects.values("content_type")).order_by("model"):
        page = Page.objects.live().public().filter(content_type=content_type, depth__gt=1).order_by("path").first()
        if page is not None and page.url:
            found.append((content_type.model, page.url))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="var/screenshots")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    targets = [*page_paths(), *SERVICE_PATHS]

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for width in WIDTHS:
            for mode in ("normal", "elder"):
                context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
                if mode == "elder":
                    context.add_init_script(f"window.localStorage.setItem('portal.a11y', '{ELDER}');")
                page = context.new_page()
                for name, path in targets:
                    page.goto(f"{args.base_url}{path}", wait_until="load")
                    target = out / f"{width}-{mode}-{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    print(target)
                context.close()
        browser.close()


if __name__ == "__main__":
    main()
