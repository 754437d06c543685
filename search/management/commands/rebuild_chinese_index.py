"""Rebuild the Chinese search index from scratch, e.g. after many dictionary edits.

On the database backend the rebuild runs in one transaction, on Elasticsearch
into a new index whose alias is swapped at the end: either way searches keep
answering from the old index until the new one is complete.
"""

import sys
import time

from django.core.management.base import BaseCommand

from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

CHUNK_SIZE = 200
BAR_WIDTH = 30


class Command(BaseCommand):
    help = "重建中文全文索引（按当前搜索词典重新分词），完成前搜索照常使用旧索引。"

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="WAGTAILSEARCH_BACKENDS 中的后端名称")
        parser.add_argument("--chunk-size", type=int, default=CHUNK_SIZE)
        parser.add_argument("--reuse", action="store_true", help="文字未变的条目沿用已存分词，只切分新增或改动的内容")

    def handle(self, backend="default", chunk_size=CHUNK_SIZE, verbosity=1, reuse=False, **options):
        self.verbosity = verbosity
        search_backend = get_search_backend(backend)
        if not getattr(search_backend, "rebuilder_class", None):
            self.stderr.write(f"后端 {backend} 不需要重建索引。")
            return
        models = [model for model in get_indexed_models() if model.get_search_fields()]
        querysets = [(model, model.get_indexed_objects().order_by("pk")) for model in models]
        total = sum(queryset.count() for _, queryset in querysets)
        started = time.monotonic()
        rebuilder_class = search_backend.rebuilder_class
        if not reuse:
            rebuilder_class = getattr(search_backend, "recutting_rebuilder_class", rebuilder_class)
        rebuilder = rebuilder_class(search_backend.get_index_for_model(models[0]) if models else None)
        index = rebuilder.start()
        done = 0
        for model, queryset in querysets:
            for start in range(0, queryset.count(), chunk_size):
                chunk = list(queryset[start : start + chunk_size])
                index.add_items(model, chunk)
                done += len(chunk)
                self.progress(done, total)
        rebuilder.finish()
        elapsed = time.monotonic() - started
        if self.verbosity:
            self.stdout.write("")
            self.stdout.write(self.style.SUCCESS(f"已重建索引：{done} 条，用时 {elapsed:.1f} 秒。"))

    def progress(self, done, total):
        if not self.verbosity:
            return
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        percent = 100 * done // total if total else 100
        ending = "\r" if sys.stdout.isatty() else "\n"
        self.stdout.write(f"[{bar}] {percent:3d}% {done}/{total}", ending=ending)
