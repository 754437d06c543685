"""``manage.py import_laws FILE.jsonl[.gz]``: load laws into the law library, one JSON object a line.

Each line needs ``title``, ``body``, ``category`` and ``published`` (ISO date
or null). Bad lines are reported with their number and reason and skipped;
documents already in the library (same title and 公布日期) are skipped, so the
command can be run again after fixing the file.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from legal_services.law_import import LawImporter, RejectedLine, default_library, open_lines, parse_line
from legal_services.models import LawLibraryPage

PROGRESS_WIDTH = 30


class Command(BaseCommand):
    help = "导入法律法规（JSON Lines，可为 .gz 压缩文件），已导入的（标题和公布日期相同）自动跳过。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines 文件，每行一个对象：title、body、category、published")
        parser.add_argument(
            "--parent", type=int, help="导入到哪个法律法规库页面（页面 ID）；默认为网站的法律法规库，没有则在首页下新建"
        )
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        library = self.library(options["parent"])
        total = self.count_lines(path)
        importer = LawImporter(library)
        show_progress = not options["no_progress"]
        added = skipped = rejected = 0
        started = time.monotonic()
        with open_lines(path) as lines:
            for number, line in enumerate(lines, start=1):
                if line.strip():
                    try:
                        record = parse_line(line)
                        if importer.is_imported(record):
                            skipped += 1
                        else:
                            importer.add(record)
                            added += 1
                    except RejectedLine as error:
                        rejected += 1
                        self.clear_progress(show_progress)
                        self.stderr.write(f"第 {number} 行未导入：{error}")
                if show_progress:
                    self.progress(number, total)
        self.clear_progress(show_progress)
        elapsed = time.monotonic() - started
        summary = (
            f"导入完成（{library.title}）：新增 {added} 篇，已存在跳过 {skipped} 篇，"
            f"有误未导入 {rejected} 行，用时 {elapsed:.1f} 秒。"
        )
        self.stdout.write(self.style.WARNING(summary) if rejected else self.style.SUCCESS(summary))

    def library(self, parent_id):
        if parent_id is None:
            try:
                return default_library()
            except LookupError as error:
                raise CommandError(str(error)) from None
        library = LawLibraryPage.objects.filter(pk=parent_id).first()
        if library is None:
            raise CommandError(f"页面 {parent_id} 不是法律法规库页面。")
        return library

    def count_lines(self, path):
        try:
            with open_lines(path) as lines:
                return sum(1 for _line in lines)
        except (OSError, EOFError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取文件 {path}：{error}") from None

    def progress(self, done, total):
        if done % 20 and done != total:
            return
        filled = PROGRESS_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.stderr.write(f"\r[{bar}] {done}/{total} 行 {100 * done // max(total, 1)}%", ending="")
        self.stderr.flush()

    def clear_progress(self, show_progress):
        if show_progress:
            self.stderr.write("\r" + " " * (PROGRESS_WIDTH + 30) + "\r", ending="")
