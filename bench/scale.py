"""Scale benchmark: the same pages at 1,000 and at 100,000 column items, and how much they grow.

    .venv/bin/python bench/scale.py [--sizes 1000 100000] [--dir var/bench] [--repeat 7]

For each size it uses (or first builds, with bench/make_big_site.py --index) the scratch
database ``<dir>/scale-<size>.sqlite3``, then measures in a separate process, in-process through
Django's test client (production middleware, no front cache): the home page, the biggest
column's listing (first and last page), an item, the sitemap index and its last section, the
column's feed, a search, the admin explorer of the biggest column (as a superuser), and the
time to publish one new item in that column (revision + publish, with whatever signal handlers
and purge hooks are installed). Times are the fastest of ``--repeat`` warm runs, in ms (on a
shared machine the slower runs measure the neighbours).

It prints one row per measure with the growth ratio from the smallest to the largest size;
every ratio above 2x fails the run (exit status 1), except the index build time.
"""

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MAX_GROWTH = 2.0
EXEMPT = {"index build (s)"}


def database(directory, size):
    return Path(directory).resolve() / f"scale-{size}.sqlite3"


def ensure_site(directory, size):
    """Build the site of ``size`` items unless its database exists; return the build log's figures."""
    path = database(directory, size)
    if not path.exists():
        command = [sys.executable, str(HERE / "make_big_site.py"), "--items", str(size), "--db", str(path), "--index"]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    report = path.with_suffix(".json")
    return json.loads(report.read_text()) if report.exists() else {}


def measure_in_subprocess(directory, size, repeat):
    path = database(directory, size)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}", "DJANGO_SETTINGS_MODULE": "bench.scale_settings"}
    output = subprocess.run(
        [sys.executable, __file__, "--measure", "--repeat", str(repeat)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def timed(call, repeat):
    call()  # warm: templates, jieba, site root paths
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return min(samples)  # the machine is shared: the fastest run is the page's own cost, the rest is waiting


def get(client, url, status=200):
    def call():
        response = client.get(url, HTTP_HOST="localhost")
        if response.status_code != status:
            raise SystemExit(f"{url}: {response.status_code}")
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        return response

    return call


def measure(repeat):
    """Run inside the configured database; print the figures as one JSON line."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import re

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from columns.models import ColumnItem, ColumnPage
    from columns.plugins.news.models import NewsPage

    call_command("migrate", verbosity=0)  # a site built before the latest migrations
    biggest = ColumnPage.objects.get(slug="zfyw", depth=3)
    items = ColumnItem.objects.filter(column=biggest).count()
    pages = -(-items // biggest.items_per_page)
    item = NewsPage.objects.filter(column=biggest).order_by("publish_date")[items // 2]
    anonymous = Client()
    admin = Client()
    admin.force_login(get_user_model().objects.filter(is_superuser=True).first())
    sitemap_index = anonymous.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
    sections = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap_index)
    last_section = sections[-1] if sections and "sitemapindex" in sitemap_index else "/sitemap.xml"
    figures = {
        "items in all": ColumnItem.objects.count(),
        "items in biggest column": items,
        "home": timed(get(anonymous, "/"), repeat),
        "listing, first page": timed(get(anonymous, biggest.url), repeat),
        "listing, last page": timed(get(anonymous, f"{biggest.url}?page={pages}"), repeat),
        "item": timed(get(anonymous, item.url), repeat),
        "sitemap index": timed(get(anonymous, "/sitemap.xml"), repeat),
        "sitemap, last section": timed(get(anonymous, last_section), max(1, repeat // 3)),
        "feed": timed(get(anonymous, f"/columns/{biggest.pk}/feed/"), repeat),
        "search": timed(get(anonymous, "/search/?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9"), repeat),
        "admin explorer": timed(get(admin, f"/admin/pages/{biggest.pk}/"), repeat),
    }

    def publish():
        number = uuid.uuid4().hex[:12]  # reruns on the same database add more
        page = NewsPage(title=f"基准测试发布信息{number}", slug=f"scale-bench-{number}", publish_date=timezone.now())
        biggest.add_child(instance=page)
        page.save_revision().publish()

    figures["publish one item"] = timed(publish, repeat)
    print(json.dumps(figures))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100_000])
    parser.add_argument("--dir", default=str(ROOT / "var" / "bench"))
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.repeat)
        return
    results = {}
    for size in args.sizes:
        build = ensure_site(args.dir, size)
        results[size] = measure_in_subprocess(args.dir, size, args.repeat)
        if "index" in build:
            results[size]["index build (s)"] = build["index"]
    small, big = results[args.sizes[0]], results[args.sizes[-1]]
    width = max(len(name) for name in small)
    print(f"{'measure (ms)':<{width}}  " + "  ".join(f"{size:>10,}" for size in args.sizes) + "     growth")
    failed = []
    for name in small:
        row = "  ".join(f"{results[size].get(name, float('nan')):>10,.1f}" for size in args.sizes)
        if name.startswith("items"):
            print(f"{name:<{width}}  {row}")
            continue
        ratio = big.get(name, float("nan")) / small[name] if small[name] else float("nan")
        verdict = "" if name in EXEMPT or ratio <= MAX_GROWTH else "  > 2x"
        if verdict:
            failed.append(name)
        print(f"{name:<{width}}  {row}  {ratio:8.2f}x{verdict}")
    if failed:
        print(f"grew more than {MAX_GROWTH:g}x: {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
