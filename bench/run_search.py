"""Search benchmark: the Chinese (jieba) database backend next to Wagtail's stock database backend.

    .venv/bin/python bench/run_search.py [--corpus ../shared/corpus/laws-dev.jsonl.gz] [--keep DIR]
        [--sets queries,resident_queries] [--repeat 5] [--backends default,stock] [--no-phrases]

Creates a scratch SQLite database (or uses DATABASE_URL if it is already set to a
scratch PostgreSQL database), migrates it, imports the corpus with
``manage.py import_laws`` (bench/make_corpus.py writes a ten-times corpus), then for
each backend prints:

- index time and throughput (MB/s of UTF-8 title+body text indexed);
- for each labelled set (bench/queries.jsonl, bench/resident_queries.jsonl):
  query latency p50/p95 over every query (top 10 results, warm), the median over
  ``--repeat`` runs;
- precision@10: share of the top results that are relevant, the cut-off being 10 or the
  number of relevant documents if smaller (queries with none are left out). Relevant means
  the rule of issue 15: the document contains the query as written, or every
  space-separated part of it as written; it is computed from the database searched;
- title-hit@1: over queries with a relevant title, share whose first result has one;
- zero-result rate: share of queries with a relevant document that return nothing.

``--no-phrases`` drops the phrase columns (SQLite ``instr``, PostgreSQL ``strpos``) from the
Chinese backend's SQL, to measure what phrase-first ranking costs.
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
    """(seconds, MB) of a cold build, from an empty index, and seconds of a rebuild that may reuse the cut."""
    from wagtail.search.backends import get_search_backend

    from legal_services.models import LawPage
    from search.models import IndexEntry

    backend = get_search_backend(backend_name)
    laws = list(LawPage.objects.order_by("pk"))
    megabytes = sum(len(law.title.encode()) + len(law.body.encode()) for law in laws) / 1e6
    IndexEntry.objects.all().delete()
    timings = []
    for _ in range(2):
        started = time.monotonic()
        rebuilder = backend.rebuilder_class(backend.get_index_for_model(LawPage))
        target = rebuilder.start()
        for start in range(0, len(laws), 200):
            target.add_items(LawPage, laws[start : start + 200])
        rebuilder.finish()
        timings.append(time.monotonic() - started)
    return timings, megabytes


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
        top = [law.pk for law in backend.search(query["query"], queryset)[:10]]
        timings.append((time.perf_counter() - started) * 1000)
        results.append(top)
    return timings, results


def relevance(queries):
    """For each query, (pks of laws containing every part as written, pks of those whose title does)."""
    sys.path.insert(0, str(HERE))
    from make_queries import normalize, words_of

    from legal_services.models import LawPage

    laws = [(law.pk, normalize(law.title), normalize(law.body)) for law in LawPage.objects.only("title", "body")]
    judged = []
    for query in queries:
        words = words_of(query["query"])
        relevant = {pk for pk, title, body in laws if all(word in title + "\n" + body for word in words)}
        titled = {pk for pk, title, _body in laws if all(word in title for word in words)}
        judged.append((relevant, titled))
    return judged


def score(results, judged):
    precisions, title_hits, zero = [], [], 0
    for top, (relevant, titled) in zip(results, judged, strict=True):
        if relevant:
            cutoff = min(10, len(relevant))
            precisions.append(sum(1 for pk in top[:cutoff] if pk in relevant) / cutoff)
            zero += not top
        if titled:
            title_hits.append(bool(top) and top[0] in titled)
    return {
        "precision": statistics.mean(precisions),
        "title_hit": sum(title_hits) / len(title_hits),
        "zero": zero / len(precisions),
        "judged": len(precisions),
        "titled": len(title_hits),
    }


def misses(queries, results, judged, limit=15):
    """Queries below a perfect score, worst first, for reading."""
    rows = []
    for query, top, (relevant, titled) in zip(queries, results, judged, strict=True):
        if not relevant:
            continue
        cutoff = min(10, len(relevant))
        precision = sum(1 for pk in top[:cutoff] if pk in relevant) / cutoff
        title_ok = not titled or (bool(top) and top[0] in titled)
        if precision < 1 or not title_ok:
            rows.append((precision, title_ok, query["query"], len(relevant)))
    return sorted(rows)[:limit]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def drop_phrase_columns():
    from search.backends import database

    database._phrase_sql = lambda words, columns, contains: ([], [])


def load_set(name):
    path = HERE / f"{name}.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


LABELS = {"default": "jieba (search.backends.database)", "stock": "Wagtail stock database"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--keep", help="directory for the scratch SQLite database (kept for reruns)")
    parser.add_argument("--sets", default="queries,resident_queries")
    parser.add_argument("--backends", default="default,stock")
    parser.add_argument("--repeat", type=int, default=3, help="latency runs per set; medians are printed")
    parser.add_argument("--no-phrases", action="store_true")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    setup(args.keep)
    from django.db import connection

    if args.no_phrases:
        drop_phrase_columns()
    build_site(Path(args.corpus))
    sets = {name: load_set(name) for name in args.sets.split(",")}
    judged = {name: relevance(queries) for name, queries in sets.items()}
    print(f"database: {connection.vendor}; load average before: {os.getloadavg()[0]:.2f}")
    rows = []
    for name in args.backends.split(","):
        (seconds, warm), megabytes = index(name)
        print(f"{name}: cold index {seconds:.1f} s ({megabytes / seconds:.2f} MB/s), reindex {warm:.1f} s")
        for set_name, queries in sets.items():
            p50s, p95s = [], []
            for _ in range(args.repeat):
                timings, results = run_queries(name, queries)
                p50s.append(percentile(timings, 0.5))
                p95s.append(percentile(timings, 0.95))
            figures = score(results, judged[set_name])
            rows.append((LABELS.get(name, name), set_name, seconds, megabytes, p50s, p95s, figures))
            if args.show_misses:
                for miss in misses(queries, results, judged[set_name]):
                    print(f"  miss {name}/{set_name}: P@10 {miss[0]:.2f} title-ok {miss[1]} {miss[2]!r} ({miss[3]})")
    header = (
        f"{'backend':34} {'set':17} {'queries':>7} {'index s':>8} {'MB/s':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'P@10':>6} {'title@1':>8} {'zero':>6}"
    )
    print(header)
    print("-" * len(header))
    for label, set_name, seconds, megabytes, p50s, p95s, figures in rows:
        counts = f"{figures['judged']}/{figures['titled']}"
        print(
            f"{label:34} {set_name:17} {counts:>7} {seconds:8.1f} {megabytes / seconds:6.2f} "
            f"{statistics.median(p50s):7.1f} {statistics.median(p95s):7.1f} {figures['precision']:6.3f} "
            f"{figures['title_hit']:8.3f} {figures['zero']:6.3f}"
        )
    print(f"queries = judged for P@10 / with a relevant title; corpus text indexed: {rows[0][3]:.1f} MB")
    print(
        f"load average after: {os.getloadavg()[0]:.2f}; p50/p95 per run: "
        + "; ".join(f"{row[0][:5]}/{row[1][:8]} {[round(v, 1) for v in row[5]]}" for row in rows)
    )


if __name__ == "__main__":
    main()
