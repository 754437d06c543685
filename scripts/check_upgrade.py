"""Prove that a database built by an OLD revision survives ``migrate`` to the NEW code with its data intact.

    .venv/bin/python scripts/check_upgrade.py [--old 5fc5720] [--new .] [--db sqlite|postgres]
                                              [--allow TABLE ...] [--allow-file FILE] [--keep]

With the OLD code (a temporary ``git worktree``): migrate, ``seed_demo --planned``,
``seed_mailbox_demo``, fill in citizen requests, a review and an assessment report
(``upgrade_check/fill_old.py``), ``rebuild_chinese_index``, then snapshot every table's row
count, every page, the live URLs, the decrypted legal-aid fields and the stored files. With the
NEW code: migrate the same database and compare (``upgrade_check/django_side.py``). Exits 1 on
any failure. Slow (minutes): not part of the test suite.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg
from cryptography.fernet import Fernet

HERE = Path(__file__).resolve().parent
DEFAULT_OLD = "5fc5720"  # the last commit before the restructuring into apps
POSTGRES = "postgres://postgres@127.0.0.1:5432"
MAX_LISTED = 60
# Settings read from the environment that could reach real services: left out of the child processes.
OUTSIDE = ("REDIS_URL", "ELASTICSEARCH_URL", "EMAIL_HOST", "DATABASE_URL", "CACHE_KEY_PREFIX")


def run(step, args, cwd, env, timings):
    print(f"== {step}", flush=True)
    started = time.monotonic()
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    timings[step] = time.monotonic() - started
    if result.returncode:
        sys.stdout.write(result.stdout[-3000:])
        sys.stderr.write(result.stderr[-5000:])
        raise SystemExit(f"step failed: {step} (exit {result.returncode})")
    return result.stdout


@contextmanager
def old_checkout(repo, revision, tmp):
    path = tmp / "old"
    subprocess.run(["git", "-C", repo, "worktree", "add", "--detach", "--quiet", path, revision], check=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "-C", repo, "worktree", "remove", "--force", path], check=False)


@contextmanager
def database(kind, tmp):
    """A throwaway database: a SQLite file in ``tmp``, or a fresh PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp / 'upgrade.sqlite3'}"
        return
    name = f"upgrade_check_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def allowed_tables(args):
    names = list(args.allow)
    if args.allow_file:
        lines = Path(args.allow_file).read_text().splitlines()
        names += [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]
    return names


def report(result, timings):
    stats = result["stats"]
    print("\n== report")
    print(f"tables checked: {stats.get('tables', 0)} ({stats.get('rows', 0)} rows)")
    print(f"pages: {stats.get('pages', 0)}; URLs fetched: {stats.get('urls', 0)}")
    print(f"admin edit views: {stats.get('admin views', 0)}")
    print(
        f"encrypted values: {stats.get('encrypted values', 0)}; private files: {stats.get('private files', 0)};"
        f" media files: {stats.get('media files', 0)}"
    )
    for note in result["notes"]:
        print(f"note: {note}")
    print("timings: " + ", ".join(f"{step} {seconds:.0f}s" for step, seconds in timings.items()))
    failures = result["failures"]
    for failure in failures[:MAX_LISTED]:
        print(f"FAIL: {failure}")
    if len(failures) > MAX_LISTED:
        print(f"... and {len(failures) - MAX_LISTED} more failures")
    print("FAILED" if result["failures"] else "OK: the old database survives the upgrade")


def steps(python, old, new, revision, snapshot):
    """(name, command, checkout) of each step; the last one prints the verdict as JSON."""
    manage, side = [python, "manage.py"], [python, HERE / "upgrade_check" / "django_side.py"]
    return [
        (f"old ({revision}): migrate", [*manage, "migrate", "--noinput"], old),
        ("old: seed_demo --planned", [*manage, "seed_demo", "--planned"], old),
        ("old: seed_mailbox_demo", [*manage, "seed_mailbox_demo"], old),
        ("old: fill", [python, HERE / "upgrade_check" / "fill_old.py"], old),
        ("old: rebuild_chinese_index", [*manage, "rebuild_chinese_index"], old),
        ("old: snapshot", [*side, "snapshot", snapshot], old),
        ("new: migrate", [*manage, "migrate", "--noinput"], new),
        ("new: verify", [*side, "verify", snapshot], new),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", default=DEFAULT_OLD, help="git revision that builds the database")
    parser.add_argument("--new", default=str(HERE.parent), help="checkout with the new code (default: this one)")
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--allow", action="append", default=[], help="table whose rows may change (repeatable)")
    parser.add_argument("--allow-file", help="file of such tables, one a line, # comments")
    parser.add_argument("--sample", type=int, default=2, help="admin edit views per page type / snippet model")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (not the database)")
    args = parser.parse_args()

    new = Path(args.new).resolve()
    python = str(HERE.parent / ".venv" / "bin" / "python")
    tmp = Path(tempfile.mkdtemp(prefix="check-upgrade-"))
    timings = {}
    try:
        with old_checkout(new, args.old, tmp) as old, database(args.db, tmp) as url:
            env = {
                **{key: value for key, value in os.environ.items() if not key.startswith(OUTSIDE)},
                "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
                "LOG_LEVEL": "WARNING",
                "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
                "PORTAL_REQUIRE_2FA": "0",  # the check opens admin views as a superuser with no authenticator
                "DATABASE_URL": url,
                "MEDIA_ROOT": str(tmp / "media"),
                "PRIVATE_MEDIA_ROOT": str(tmp / "private"),
                "LEGAL_DATA_KEYS": Fernet.generate_key().decode(),
                "UPGRADE_CHECK_ALLOW": ",".join(allowed_tables(args)),
                "UPGRADE_CHECK_SAMPLE": str(args.sample),
                "PYTHONWARNINGS": "ignore",
            }
            for step, command, cwd in steps(python, old, new, args.old, tmp / "snapshot.json"):
                output = run(step, command, cwd, env, timings)
            result = json.loads(output.strip().splitlines()[-1])
            report(result, timings)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
