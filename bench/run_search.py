"""Search benchmark: the Chinese (jieba) database backend next to Wagtail's stock database backend.

    .venv/bin/python bench/run_search.py [--corpus ../shared/corpus/laws-dev.jsonl.gz] [--keep DIR]

Creates a scratch SQLite database (or uses DATABASE_URL if it is already set to a
scratch PostgreSQL database), migrates it, imports the corpus with
``manage.py import_laws``, then for each backend prints:

- index time and throughput (MB/s of UTF-8 title+body text indexed);
- query latency p50/p95 over every query of bench/queries.jsonl (top 10 results, warm);
- precision@10: share of the top results that contain every word of the query, the cut-off
  being 10 or the number of such documents if smaller (queries with none are left out);
- title-hit@1: share of queries with a title containing the query (``expected`` in
  queries.jsonl) whose first result is one of those titles;
- zero-result rate: share of queries with a relevant document that return nothing.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "laws-dev.jsonl.gz"


def setup(keep):
    if not os.environ.get("DATABASE_URL"):
        directory = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="portal-bench-"))
        directory.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{directory / 'bench.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()


def build_site(corpus):
    from django.core.management import call_command

    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from legal_services.models import LawPage

    call_command("migrate", verbosity=0)
    if not LawPage.objects.exists():
        Locale.objects.get_or_create(language_code="zh-hans")
        root = Page.get_first_root_node()
        home = HomePage.objects.first() or root.add_child(instance=HomePage(title="首页", slug="bench-home"))
        Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
        started = time.monotonic()
        with open(os.devnull, "w") as quiet:
            call_command("import_laws", str(corpus), "--no-progress", stdout=quiet)
        print(f"import_laws: {LawPage.objects.count()} laws in {time.monotonic() - started:.1f} s")


def index(backend_name):
    from wagtail.search.backends import get_search_backend

    from legal_services.models import LawPage

    backend = get_search_backend(backend_name)
    laws = list(LawPage.objects.order_by("pk"))
    megabytes = sum(len(law.title.encode()) + len(law.body.encode()) for law in laws) / 1e6
    started = time.monotonic()
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(LawPage))
    target = rebuilder.start()
    for start in range(0, len(laws), 200):
        target.add_items(LawPage, laws[start : start + 200])
    rebuilder.finish()
    seconds = time.monotonic() - started
    return seconds, megabytes


def run_queries(backend_name, queries):
    from wagtail.search.backends import get_search_backend

    from legal_services.models import LawPage

    backend = get_search_backend(backend_name)
    queryset = LawPage.objects.live().order_by("-published_date", "-pk")
    for query in queries[:5]:  # warm caches and jieba
        list(backend.search(query["query"], queryset)[:10])
    timings, results = [], []
    for query in queries:
        started = time.perf_counter()
        top = list(backend.search(query["query"], queryset)[:10])
        timings.append((time.perf_counter() - started) * 1000)
        results.append(top)
    return timings, results


def relevance(queries):
    """For each query, the set of law pks containing every word of it (computed once for all backends)."""
    sys.path.insert(0, str(HERE))
    from make_queries import normalize, words_of

    from legal_services.models import LawPage

    texts = {law.pk: normalize(law.title + "\n" + law.body) for law in LawPage.objects.only("title", "body")}
    relevant = []
    for query in queries:
        words = words_of(query["query"])
        relevant.append({pk for pk, text in texts.items() if all(word in text for word in words)})
    return relevant


def score(queries, results, relevant):
    precisions, title_hits, zero = [], [], 0
    for query, top, relevant_pks in zip(queries, results, relevant, strict=True):
        if relevant_pks:
            cutoff = min(10, len(relevant_pks))
            shown = top[:cutoff]
            precisions.append(sum(1 for law in shown if law.pk in relevant_pks) / cutoff)
            zero += not top
        if query["expected"]:
            title_hits.append(bool(top) and top[0].title in query["expected"])
    return (
        statistics.mean(precisions),
        sum(title_hits) / len(title_hits),
        zero / len(precisions),
        len(precisions),
        len(title_hits),
    )


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--keep", help="directory for the scratch SQLite database (kept for reruns)")
    args = parser.parse_args()
    setup(args.keep)
    from django.db import connection

    build_site(Path(args.corpus))
    queries = [json.loads(line) for line in (HERE / "queries.jsonl").open(encoding="utf-8") if line.strip()]
    print(f"database: {connection.vendor}; queries: {len(queries)}")
    relevant = relevance(queries)
    rows = []
    for name, label in (("default", "jieba (search.backends.database)"), ("stock", "Wagtail stock database")):
        seconds, megabytes = index(name)
        timings, results = run_queries(name, queries)
        precision, title_hit, zero, judged, titled = score(queries, results, relevant)
        rows.append((label, seconds, megabytes, timings, precision, title_hit, zero))
    print(f"judged queries: precision@10 over {judged}, title-hit@1 over {titled}")
    columns = f"{'index s':>8} {'MB/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'P@10':>6} {'title@1':>8} {'zero':>6}"
    header = f"{'backend':34} {columns}"
    print(header)
    print("-" * len(header))
    for label, seconds, megabytes, timings, precision, title_hit, zero in rows:
        print(
            f"{label:34} {seconds:8.1f} {megabytes / seconds:6.2f} {percentile(timings, 0.5):7.1f} "
            f"{percentile(timings, 0.95):7.1f} {precision:6.3f} {title_hit:8.3f} {zero:6.3f}"
        )
    print(f"corpus text indexed: {rows[0][2]:.1f} MB")


if __name__ == "__main__":
    main()
