"""What runs inside Django: ``snapshot OUT.json`` (old code) and ``verify SNAPSHOT.json`` (new code).

Run from the root of the checkout whose code is used. Only Django and Wagtail APIs are used here, so
the same file works with the old and the new code: tables are found by introspection, models by
``db_table``, pages by id.
"""

import hashlib
import json
import os
import sys
from collections import Counter, defaultdict

sys.path[0] = os.getcwd()  # the checkout being tested, not this folder

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, models  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from wagtail.models import Page  # noqa: E402
from wagtail.snippets.models import get_snippet_models  # noqa: E402

EXTRA_URLS = ["/mailbox/", "/legal/", "/legal/faq/", "/search/?q=%E6%B3%95%E5%BE%8B", "/sitemap.xml"]
GROWING_TABLES = {"django_migrations", "django_content_type", "auth_permission"}  # new apps add rows


def row_counts():
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def pages():
    rows = Page.objects.order_by("pk").values_list(
        "pk", "title", "url_path", "live", "content_type__app_label", "content_type__model"
    )
    return {str(pk): {"title": t, "url_path": u, "live": live, "type": f"{a}.{m}"} for pk, t, u, live, a, m in rows}


def live_urls():
    urls = []
    for page in Page.objects.live().order_by("path"):
        parts = page.get_url_parts()
        if parts and parts[2]:
            urls.append(parts[2])
    return urls


def concrete_models():
    return [model for model in apps.get_models() if not model._meta.proxy and model._meta.managed]


def encrypted_values():
    """sha256 of every decrypted value of every encrypted field, by ``table.column`` and primary key."""
    values = {}
    for model in concrete_models():
        for field in model._meta.local_fields:
            if type(field).__name__.startswith("Encrypted"):
                rows = model._base_manager.exclude(**{field.name: ""}).values_list("pk", field.name)
                values[f"{model._meta.db_table}.{field.column}"] = {
                    str(pk): hashlib.sha256((value or "").encode()).hexdigest() for pk, value in rows
                }
    return values


def stored_files():
    """Every file a FileField points to: ``table.column`` → {pk: [name, size or None, private?]}."""
    private_root = os.path.realpath(getattr(settings, "PRIVATE_MEDIA_ROOT", "") or "/nonexistent")
    files = {}
    for model in concrete_models():
        for field in model._meta.local_fields:
            if isinstance(field, models.FileField):
                entries = {}
                for obj in model._base_manager.exclude(**{field.name: ""}).only("pk", field.name):
                    stored = getattr(obj, field.name)
                    size = stored.storage.size(stored.name) if stored.storage.exists(stored.name) else None
                    location = os.path.realpath(getattr(stored.storage, "location", "") or "")
                    entries[str(obj.pk)] = [stored.name, size, location.startswith(private_root)]
                if entries:
                    files[f"{model._meta.db_table}.{field.column}"] = entries
    return files


def take():
    return {
        "tables": row_counts(),
        "pages": pages(),
        "live_urls": live_urls(),
        "encrypted": encrypted_values(),
        "files": stored_files(),
    }


class Checker:
    def __init__(self, old, allowed):
        self.old, self.allowed = old, set(allowed)
        self.failures, self.notes, self.stats = [], [], Counter()

    def fail(self, message):
        self.failures.append(message)

    def tables(self):
        counts = row_counts()
        for table, before in self.old["tables"].items():
            after = counts.get(table)
            self.stats["tables"] += 1
            self.stats["rows"] += before
            if table in self.allowed or (table in GROWING_TABLES and (after or 0) >= before):
                if after != before:
                    self.notes.append(f"table {table}: {before} -> {after} rows (allowed)")
            elif after is None:
                self.fail(f"table {table} ({before} rows) is gone")
            elif after != before:
                self.fail(f"table {table}: {before} rows before, {after} after")
        new = sorted(set(counts) - set(self.old["tables"]))
        if new:
            self.notes.append(f"new tables: {', '.join(new)}")

    def pages(self):
        by_id = {str(page.pk): page for page in Page.objects.all()}
        moved = Counter()
        for pk, before in self.old["pages"].items():
            self.stats["pages"] += 1
            page = by_id.get(pk)
            if page is None:
                self.fail(f"page {pk} {before['title']!r} is gone")
                continue
            for key in ("title", "url_path", "live"):
                if key == "title" and page.depth == 1 and (before[key], page.title) == ("Root", "根目录"):
                    self.notes.append("page 1: the tree root is renamed 根目录 by portal/0006")
                    continue
                if getattr(page, key) != before[key]:
                    self.fail(f"page {pk}: {key} was {before[key]!r}, is {getattr(page, key)!r}")
            content_type = page.content_type
            now = f"{content_type.app_label}.{content_type.model}"
            if now != before["type"]:
                moved[f"{before['type']} -> {now}"] += 1
            model = content_type.model_class()
            try:
                specific = page.specific
            except Exception as error:  # any error here is a finding, not a crash
                self.fail(f"page {pk} ({now}): page.specific raises {error!r}")
                continue
            if model is None or not isinstance(specific, model):
                self.fail(f"page {pk} ({now}) has no model in the new code")
        self.notes += [f"content type {change}: {n} page(s)" for change, n in sorted(moved.items())]

    def urls(self, client):
        for url in self.old["live_urls"] + EXTRA_URLS:
            self.stats["urls"] += 1
            status = client.get(url).status_code
            if status != 200:
                self.fail(f"GET {url} answered {status}")

    def admin(self, client, sample):
        """The edit view of the first ``sample`` pages of each page type and objects of each snippet model."""
        user = get_user_model().objects.filter(is_superuser=True, is_active=True).first()
        if user is None:
            return self.fail("no active superuser for the admin checks")
        client.force_login(user)
        per_type = defaultdict(list)
        for page in Page.objects.exclude(depth=1).order_by("pk"):
            if len(per_type[page.content_type_id]) < sample:
                per_type[page.content_type_id].append(f"/admin/pages/{page.pk}/edit/")
        for model in get_snippet_models():
            edit = model.snippet_viewset.get_url_name("edit")
            per_type[model] = [
                reverse(edit, args=[pk])
                for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:sample]
            ]
        for url in (url for urls in per_type.values() for url in urls):
            self.stats["admin views"] += 1
            status = client.get(url).status_code
            if status != 200:
                self.fail(f"admin GET {url} answered {status}")

    def encrypted(self):
        now = encrypted_values()
        for column, values in self.old["encrypted"].items():
            for pk, digest in values.items():
                self.stats["encrypted values"] += 1
                if now.get(column, {}).get(pk) != digest:
                    self.fail(f"{column} of row {pk} does not decrypt to the old value")

    def files(self):
        now = stored_files()
        for column, entries in self.old["files"].items():
            for pk, (name, size, private) in entries.items():
                self.stats["private files" if private else "media files"] += 1
                if size is None:
                    self.notes.append(f"{column} row {pk}: {name} was already missing before the upgrade")
                elif now.get(column, {}).get(pk) != [name, size, private]:
                    self.fail(f"{column} row {pk}: {name} no longer resolves (now {now.get(column, {}).get(pk)})")


def verify(old, allowed, sample):
    checker = Checker(old, allowed)
    checker.tables()  # first: the checks below log in and so add sessions
    checker.pages()
    checker.encrypted()
    checker.files()
    client = Client(raise_request_exception=False)  # a crashing view is a 500 in the report
    checker.urls(client)
    checker.admin(client, sample)
    return checker


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    if command == "snapshot":
        with open(path, "w") as out:
            json.dump(take(), out, ensure_ascii=False, indent=1)
    else:
        allowed = [name for name in os.environ.get("UPGRADE_CHECK_ALLOW", "").split(",") if name]
        with open(path) as source:
            result = verify(json.load(source), allowed, int(os.environ.get("UPGRADE_CHECK_SAMPLE", "2")))
        print(json.dumps({"stats": result.stats, "notes": result.notes, "failures": result.failures}))
