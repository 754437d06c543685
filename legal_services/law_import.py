"""Reading law documents from JSON Lines and adding them to a law library (``manage.py import_laws``).

Each line is checked completely before anything is written, and each
document is written in its own transaction, so a bad line is reported and
skipped without leaving half a page behind, and a run can be repeated: a
document whose title and 公布日期 are already in the library is skipped.
"""

import gzip
import json
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from .lawtext import effective_date, issuing_authority
from .models import LawLibraryPage, LawPage

TITLE_MAX_LENGTH = 255
CATEGORY_MAX_LENGTH = 50
SLUG_TITLE_LENGTH = 60


class RejectedLine(ValueError):
    """A line that cannot become a law page; the message says why, in Chinese, for the operator."""


@dataclass(frozen=True)
class LawRecord:
    title: str
    body: str
    category: str
    published: date | None

    @property
    def key(self):
        return (self.title, self.published)


def open_lines(path):
    """The file's lines as text; ``.gz`` files are decompressed on the fly."""
    if str(path).endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _text(document, key, *, required=True, max_length=None):
    value = document.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise RejectedLine(f"字段 {key} 缺失或不是文本")
    value = value.strip()
    if required and not value:
        raise RejectedLine(f"字段 {key} 为空")
    if "\x00" in value:
        raise RejectedLine(f"字段 {key} 含有空字符")
    if max_length and len(value) > max_length:
        raise RejectedLine(f"字段 {key} 超过 {max_length} 个字符")
    return value


def parse_line(line):
    """A ``LawRecord`` from one line of JSON, or ``RejectedLine`` saying what is wrong with it."""
    try:
        document = json.loads(line)
    except json.JSONDecodeError as error:
        raise RejectedLine(f"不是有效的 JSON（{error.msg}，第 {error.colno} 列）") from None
    if not isinstance(document, dict):
        raise RejectedLine("不是 JSON 对象")
    title = " ".join(_text(document, "title", max_length=TITLE_MAX_LENGTH).split())
    body = _text(document, "body")
    category = _text(document, "category", required=False, max_length=CATEGORY_MAX_LENGTH)
    if "published" not in document:
        raise RejectedLine("缺少字段 published（公布日期，可为 null）")
    published = document["published"]
    if published is not None:
        if not isinstance(published, str):
            raise RejectedLine("字段 published 应为 ISO 日期（如 2020-05-28）或 null")
        try:
            published = date.fromisoformat(published.strip())
        except ValueError:
            raise RejectedLine(f"字段 published 不是有效的日期：{published!r}") from None
    return LawRecord(title=title, body=body, category=category, published=published)


class LawImporter:
    """Adds records to one library page, remembering what is there so repeats are skipped."""

    def __init__(self, library):
        self.library = library
        self.existing = set(LawPage.objects.values_list("title", "published_date"))
        self.slugs = set(Page.objects.child_of(library).values_list("slug", flat=True))

    def is_imported(self, record):
        return record.key in self.existing

    def _slug(self, record):
        base = slugify(record.title, allow_unicode=True)[:SLUG_TITLE_LENGTH].strip("-") or "law"
        base = f"{base}-{record.published:%Y%m%d}" if record.published else base
        slug, counter = base, 1
        while slug in self.slugs:
            counter += 1
            slug = f"{base}-{counter}"
        return slug

    def add(self, record):
        """Create the live page for ``record``, all or nothing."""
        page = LawPage(
            title=record.title,
            slug=self._slug(record),
            body=record.body,
            category=record.category,
            published_date=record.published,
            effective_date=effective_date(record.body),
            authority=issuing_authority(record.title, record.category, record.body),
            live=True,
        )
        try:
            # Law pages reference no images, documents or other pages, so Wagtail's
            # reference index has nothing to record; skipping it halves the import time.
            with transaction.atomic(), disable_reference_index_auto_update():
                self.library.add_child(instance=page)
        finally:
            # treebeard counts children in memory too; a rolled-back insert must not leave a gap.
            self.library.refresh_from_db(fields=["numchild"])
        self.existing.add(record.key)
        self.slugs.add(page.slug)
        return page


def default_library():
    """The site's law library: the first one in the tree, or a new one under the default site's home page.

    The home page is the default site's root page, so this app needs no
    knowledge of the home app: the library is only created where its type may
    live (a fresh Wagtail install's "Welcome" page is not such a place).
    """
    library = LawLibraryPage.objects.order_by("path").first()
    if library is not None:
        return library
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site is not None else None
    if home is None or not LawLibraryPage.can_create_at(home):
        raise LookupError("没有首页，无法创建法律法规库。请先运行 manage.py seed_demo 或在后台建立首页。")
    library = home.add_child(
        instance=LawLibraryPage(
            title=LawLibraryPage.column_name, slug=LawLibraryPage.default_slug, show_in_menus=True, live=True
        )
    )
    library.save_revision().publish()
    return library
