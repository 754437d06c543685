"""Generate a site with many column items for the scale benchmark (issue 14, item 5).

    .venv/bin/python bench/make_big_site.py [--items 100000] [--db var/bench/big.sqlite3] [--index]

Builds the demo site (``seed_demo``) in a scratch database (SQLite at ``--db`` unless
DATABASE_URL is set), then adds column items until the site holds ``--items`` of them:
nine in ten go to the biggest column (政法要闻), the rest to the other news columns. Titles,
summaries and bodies are Chinese text cut from the shared law corpus
(/work/shared/corpus/laws-dev.jsonl.gz, read in place), dated one every 20 minutes back from now.

Items are written in bulk, table by table (wagtailcore_page, columns_columnitem,
columns_newspage), with treebeard paths computed the way ``add_child`` computes them, so
100,000 items take a minute rather than the hours 100,000 ``page.save()`` calls would.
They are live, published and have no revision, like pages imported from an old CMS.
``--index`` then rebuilds the search index with ``rebuild_chinese_index`` and prints its
time separately. The figures go to ``<db>.json`` for bench/scale.py.
"""

import argparse
import gzip
import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT_CORPUS = Path("/work/shared/corpus/laws-dev.jsonl.gz")
BATCH = 2000
SHARES = {"zfyw": 0.9, "fzqj": 0.04, "paqj": 0.03, "dwjs": 0.02, "zfwh": 0.01}  # the biggest column first
ADMIN_PASSWORD = "Bench-Admin-2026!"
TITLE_PATTERNS = [
    "{city}开展《{law}》专题学习宣传活动",
    "市委政法委召开会议部署贯彻落实《{law}》工作",
    "{city}各级政法机关深入学习《{law}》",
    "以案释法：《{law}》在基层的适用",
    "{city}举办《{law}》实施情况座谈会",
    "普法进社区：《{law}》宣讲走进{city}",
]


def setup(database):
    """Point Django at the scratch database and the benchmark settings."""
    if not os.environ.get("DATABASE_URL"):
        path = Path(database).resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.scale_settings")
    os.environ.setdefault("PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD)
    import django

    django.setup()


def load_corpus(path):
    """(title, paragraphs) of every law in the corpus, paragraphs of reasonable length only."""
    laws = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            law = json.loads(line)
            paragraphs = [p.strip() for p in law["body"].split("\n") if 20 <= len(p.strip()) <= 400]
            if paragraphs:
                laws.append((law["title"], paragraphs))
    return laws


def fake_item(rng, laws, city):
    """Title, summary and body paragraphs of one plausible news report built from a law."""
    title, paragraphs = rng.choice(laws)
    headline = rng.choice(TITLE_PATTERNS).format(city=city, law=title)[:250]
    start = rng.randrange(len(paragraphs))
    body = paragraphs[start : start + rng.randint(3, 6)] or paragraphs[:3]
    lead = f"近日，{city}市委政法委组织学习《{title}》。"
    return headline, (lead + body[0])[:300], [lead, *body]


def bulk_add_items(column, count, laws, rng, now, city, minutes_apart=20):
    """Append ``count`` live NewsPage items to ``column``, in batches, with treebeard-correct paths."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import Max

    from wagtail.models import Page

    from columns.models import ColumnItem
    from columns.plugins.news.models import NewsPage

    last_child = column.get_last_child()
    next_step = (Page._str2int(last_child.path[-Page.steplen :]) + 1) if last_child else 1
    next_id = (Page.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    oldest = ColumnItem.objects.filter(column=column).order_by("publish_date").values_list("publish_date", flat=True)
    newest_date = oldest.first() or now  # new items are older than the ones the column has
    tables = [Page, ColumnItem, NewsPage]
    content_type = ContentType.objects.get_for_model(NewsPage)
    done = 0
    while done < count:
        batch = []
        for _ in range(min(BATCH, count - done)):
            title, summary, paragraphs = fake_item(rng, laws, city)
            published = newest_date - timedelta(minutes=minutes_apart * (done + 1))
            slug = f"{column.slug}-{next_step}"
            item = NewsPage(
                id=next_id,
                content_type=content_type,
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(column.path, column.depth + 1, next_step),
                depth=column.depth + 1,
                numchild=0,
                url_path=f"{column.url_path}{slug}/",
                locale_id=column.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                publish_date=published,
                summary=summary,
                source="清江政法网",
                author=rng.choice(["李明", "王芳", "张伟", "刘洋", "陈静"]),
                editor=rng.choice(["赵磊", "孙丽"]),
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in paragraphs],
                column=column,
            )
            item.page_ptr_id = item.columnitem_ptr_id = next_id
            batch.append(item)
            next_id += 1
            next_step += 1
            done += 1
        with transaction.atomic():
            for model in tables:
                model._base_manager._insert(batch, fields=model._meta.local_concrete_fields)
        print(f"  {column.slug}: {done}/{count}", end="\r", flush=True)
    Page.objects.filter(pk=column.pk).update(numchild=column.get_children().count())
    if connection.vendor == "postgresql":  # explicit ids leave the sequence behind
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Page]):
                cursor.execute(sql)
    print()


def no_style():
    from django.core.management.color import no_style as style

    return style()


def build(total, corpus, seed=14):
    from django.core.management import call_command
    from django.utils import timezone

    from columns.models import ColumnItem, ColumnPage
    from portal.models import SiteIdentity

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", stdout=quiet)
    print(f"seed_demo: {time.monotonic() - started:.1f} s")
    existing = ColumnItem.objects.count()
    missing = total - existing
    if missing <= 0:
        print(f"{existing} column items already; nothing to add")
        return
    laws = load_corpus(corpus)
    rng = random.Random(seed)
    city = SiteIdentity.objects.first().city_short_name or "清江"
    now = timezone.now()
    started = time.monotonic()
    shares = list(SHARES.items())
    added = 0
    for position, (slug, share) in enumerate(shares):
        column = ColumnPage.objects.get(slug=slug, depth=3)
        count = missing - added if position == len(shares) - 1 else round(missing * share)
        bulk_add_items(column, count, laws, rng, now, city)
        added += count
    elapsed = time.monotonic() - started
    print(f"added {added} items in {elapsed:.1f} s ({added / elapsed:.0f}/s); {ColumnItem.objects.count()} in all")


def rebuild_index():
    from django.core.management import call_command

    started = time.monotonic()
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_chinese_index", stdout=quiet, verbosity=0)
    seconds = time.monotonic() - started
    print(f"rebuild_chinese_index: {seconds:.1f} s")
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=100_000, help="column items the site should hold")
    parser.add_argument("--db", default="var/bench/big.sqlite3", help="scratch SQLite file (unless DATABASE_URL)")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--index", action="store_true", help="rebuild the search index afterwards and time it")
    args = parser.parse_args()
    setup(args.db)
    started = time.monotonic()
    build(args.items, Path(args.corpus))
    report = {"items": args.items, "build": time.monotonic() - started}
    if args.index:
        report["index"] = rebuild_index()
    Path(args.db).with_suffix(".json").write_text(json.dumps(report))  # read by bench/scale.py


if __name__ == "__main__":
    main()
