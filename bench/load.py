"""Load benchmark (issue 14, item 6): nginx (deploy/nginx/portal.conf) in front of 2 gunicorn instances and the
task worker, all on loopback ports, on SQLite and on PostgreSQL.

    .venv/bin/python bench/load.py [--db sqlite|postgres|both] [--duration 8] [--connections 16] [--keep DIR]

For each database: a scratch database with the demo content (migrate, seed_demo, collectstatic,
rebuild_chinese_index), production settings, Redis as the cache when one answers on 127.0.0.1:6379.
Then, with wrk (16 connections), requests/s, p95 and p99 for home, a listing, an item, search and a
mixed browse:

- through the front cache (warm), next to nginx serving the very same bytes as static files;
- as a cache miss (an nginx server with the same upstreams and no cache), next to the Python floor:
  a static file from gunicorn + WhiteNoise through that same server.

Ratios and the issue's targets are printed (cached >= 50% of static; miss >= 10% of the floor; search
p95 <= 50 ms; 0 errors). A second run publishes items during a mixed browse and checks that every
change is on the item page, its listing and the home page within 2 s, and that nothing older is served
once it was.
"""

import argparse
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bench.frontnginx import FrontNginx, free_port, nginx_missing_reason  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "localhost"
SEARCH = "/search/?q=" + quote("政法")
WRK_SCRIPT = """
local paths = {}
for p in string.gmatch(os.getenv("WRK_PATHS"), "[^ ]+") do paths[#paths + 1] = p end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {Host = "localhost"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %d, "duration_us": %d, "errors": %d, "bad_status": %d, '
    .. '"p50": %d, "p95": %d, "p99": %d}\\n', summary.requests, summary.duration,
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def environment(db, workdir, nginx_port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="load-bench-only-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        LEGAL_DATA_KEYS="ZmRzYWZkc2FmZHNhZmRzYWZkc2FmZHNhZmRzYWZkc2E=",
        PORTAL_TASKS_BACKEND="database",
        PORTAL_FRONTEND_CACHE_URLS=f"http://127.0.0.1:{nginx_port}",
        PORTAL_ADMIN_PASSWORD="Load-Bench-Passw0rd!",
        LOG_LEVEL="WARNING",
        DATABASE_CONN_MAX_AGE="60",
        PYTHONPATH=str(ROOT),
    )
    if db == "postgres":
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/cache_load_bench"
    else:
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'load.sqlite3'}"
    if redis_answers():
        env["REDIS_URL"] = "redis://127.0.0.1:6379/5"
        env["CACHE_KEY_PREFIX"] = f"load-{db}-{os.getpid()}"
    return env


def redis_answers():
    try:
        with __import__("socket").create_connection(("127.0.0.1", 6379), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def manage(env, *args, settings=None):
    run_env = dict(env, DJANGO_SETTINGS_MODULE=settings) if settings else env
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *args], env=run_env, check=True, stdout=subprocess.DEVNULL)


def prepare(db, env):
    started = time.monotonic()
    if db == "postgres":
        for sql in ("DROP DATABASE IF EXISTS cache_load_bench", "CREATE DATABASE cache_load_bench"):
            subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-c", sql], check=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo", settings="portal.settings.dev")  # the demo app is installed in dev only
    manage(env, "collectstatic", "--noinput")
    manage(env, "rebuild_chinese_index")
    print(f"  prepared in {time.monotonic() - started:.0f} s")


def wait_for(port, path="/static/portal/css/portal.css", timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = fetch(port, path)[0]
            if status < 500:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


def fetch(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def wrk(workdir, port, paths, duration, connections):
    script = workdir / "paths.lua"
    script.write_text(WRK_SCRIPT)
    env = dict(os.environ, WRK_PATHS=" ".join(paths))
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{duration}s", "-s", str(script),
         f"http://127.0.0.1:{port}"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    result = json.loads(output.split("RESULT ", 1)[1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def site_paths():
    """Home, the biggest column's listing, its newest item (on the home page too), search, a mixed browse."""
    from columns.models import ColumnItem, ColumnPage

    columns = sorted(ColumnPage.objects.live(), key=lambda column: -column.items().count())
    column = columns[0]
    item = column.items().first()
    others = [c.items().first() for c in columns[1:4] if c.items().exists()]
    paths = {
        "home": "/",
        "listing": quote(column.url),
        "item": quote(item.url),
        "search": SEARCH,
    }
    browse = ["/", quote(column.url), quote(column.url) + "?page=2", quote(item.url)]
    browse += [quote(other.url) for other in others] + [quote(columns[1].url), f"/columns/{column.pk}/feed/"]
    browse += ["/", quote(item.url), SEARCH]
    return paths, browse, ColumnItem.objects.get(pk=item.pk).specific


def table(title, header, rows):
    print(f"\n  {title}")
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  | " + " | ".join(str(cell).rjust(width) for cell, width in zip(row, widths, strict=True)) + " |")


def publish_during_load(workdir, front, item, listing, browse, duration, connections, changes=8):
    """Publishes ``changes`` new titles of ``item`` while wrk browses; returns delays, stale answers, wrk."""
    result = {}
    runner = threading.Thread(
        target=lambda: result.update(wrk(workdir, front.port, browse, duration, connections)), daemon=True
    )
    runner.start()
    time.sleep(1)
    on_home = item.title in fetch(front.port, "/")[2].decode()
    watched = [quote(item.url), listing] + (["/"] if on_home else [])
    delays, stale, late = [], 0, 0
    for number in range(changes):
        title = f"负载测试更新{number:02d}"
        item.title = title
        started = time.monotonic()
        item.save_revision().publish()
        seen = dict.fromkeys(watched)
        while any(value is None for value in seen.values()) and time.monotonic() - started < 10:
            for path in watched:
                if seen[path] is None and title in fetch(front.port, path)[2].decode():
                    seen[path] = time.monotonic() - started
            time.sleep(0.02)
        delay = max(value if value is not None else 10 for value in seen.values())
        delays.append(delay)
        late += delay > 2
        # Once visible, never older again: watch through the second purge.
        until = time.monotonic() + 2.0
        while time.monotonic() < until:
            for path in watched:
                stale += title not in fetch(front.port, path)[2].decode()
            time.sleep(0.05)
    runner.join()
    return {"delays": delays, "late": late, "stale": stale, "watched": watched, "wrk": result}


def run(db, args):
    workdir = Path(args.keep or tempfile.mkdtemp(prefix=f"portal-load-{db}-")) / db
    workdir.mkdir(parents=True, exist_ok=True)
    nginx_port, static_port, floor_port = free_port(), free_port(), free_port()
    env = environment(db, workdir, nginx_port)
    print(f"\n== {db}: {env['DATABASE_URL']}, cache {'Redis' if 'REDIS_URL' in env else 'local memory'}")
    marker = workdir / "prepared"
    if marker.exists():
        print("  reusing the database prepared in this --keep directory")
    else:
        prepare(db, env)
        marker.touch()
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connections as db_connections

    paths, browse, item = site_paths()
    db_connections.close_all()
    copies = workdir / "copies"
    copies.mkdir(exist_ok=True)
    upstream_ports = [free_port(), free_port()]
    processes = []
    logs = open(workdir / "servers.log", "w")  # noqa: SIM115 (closed at the end of the run)
    try:
        for port in upstream_ports:
            processes.append(
                subprocess.Popen(
                    [GUNICORN, "portal.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}"],
                    cwd=ROOT,
                    env=env,
                    stdout=logs,
                    stderr=logs,
                )
            )
        processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--interval", "0.2"], cwd=ROOT, env=env, stdout=logs, stderr=logs
            )
        )
        upstreams = [f"127.0.0.1:{port}" for port in upstream_ports]
        extra = f"""
    server {{ listen 127.0.0.1:{static_port}; root {copies}; default_type text/html; }}
    server {{ listen 127.0.0.1:{floor_port};
        location / {{ proxy_pass http://portal_app; proxy_http_version 1.1; proxy_set_header Connection "";
                     proxy_set_header Host $http_host; }} }}
"""
        with FrontNginx(upstreams, workdir / "nginx", port=nginx_port, extra_http=extra, workers=2) as front:
            for port in upstream_ports:
                wait_for(port)
            static_paths = {}
            for name, path in paths.items():
                status, _headers, body = fetch(floor_port, path)
                assert status == 200, (name, path, status)
                (copies / f"{name}.html").write_bytes(body)
                static_paths[name] = f"/{name}.html"
            for path in [*paths.values(), *browse]:
                fetch(front.port, path)
                fetch(front.port, path)
            report(workdir, front, paths, static_paths, browse, floor_port, static_port, args)
            print("\n  publishing during a mixed browse ...")
            outcome = publish_during_load(
                workdir, front, item, paths["listing"], browse, args.publish_duration, args.connections
            )
            delays = outcome["delays"]
            load = outcome["wrk"]
            print(
                f"  {len(delays)} publications watched on {', '.join(outcome['watched'])}: visible after "
                f"max {max(delays) * 1000:.0f} ms, mean {sum(delays) / len(delays) * 1000:.0f} ms; "
                f"{outcome['late']} later than 2 s; {outcome['stale']} stale answers after visible; browse "
                f"{load['rps']:.0f} req/s, p99 {load['p99'] / 1000:.1f} ms, "
                f"{load['errors'] + load['bad_status']} errors"
            )
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        logs.close()
        if not args.keep:
            shutil.rmtree(workdir.parent, ignore_errors=True)


def report(workdir, front, paths, static_paths, browse, floor_port, static_port, args):
    duration, connections = args.duration, args.connections
    rows, misses, errors = [], [], 0
    for name in ("home", "listing", "item", "search"):
        static = wrk(workdir, static_port, [static_paths[name]], duration, connections)
        cached = wrk(workdir, front.port, [paths[name]], duration, connections)
        hit = fetch(front.port, paths[name])[1].get("X-Cache-Status", "-")
        errors += static["errors"] + static["bad_status"] + cached["errors"] + cached["bad_status"]
        rows.append(
            [name, hit, f"{static['rps']:,.0f}", f"{cached['rps']:,.0f}", f"{cached['p95'] / 1000:.1f}",
             f"{cached['p99'] / 1000:.1f}", f"{cached['rps'] / static['rps']:.3f}"]
        )  # fmt: skip
    mixed = wrk(workdir, front.port, browse, duration, connections)
    errors += mixed["errors"] + mixed["bad_status"]
    rows.append(["mixed browse", "-", "-", f"{mixed['rps']:,.0f}", f"{mixed['p95'] / 1000:.1f}",
                 f"{mixed['p99'] / 1000:.1f}", "-"])  # fmt: skip
    table(
        f"through the front cache, {connections} connections, {duration} s each (static: nginx, same bytes)",
        ["page", "cache", "static req/s", "cached req/s", "p95 ms", "p99 ms", "cached/static"],
        rows,
    )
    floor = wrk(workdir, floor_port, ["/static/portal/css/portal.css"], duration, connections)
    errors += floor["errors"] + floor["bad_status"]
    for name in ("home", "listing", "item"):
        miss = wrk(workdir, floor_port, [paths[name]], duration, connections)
        errors += miss["errors"] + miss["bad_status"]
        misses.append(
            [name, f"{miss['rps']:,.0f}", f"{miss['p95'] / 1000:.1f}", f"{miss['p99'] / 1000:.1f}",
             f"{miss['rps'] / floor['rps']:.3f}"]
        )  # fmt: skip
    table(
        f"cache bypassed (2 gunicorn x {args.workers} workers); floor: WhiteNoise static file "
        f"{floor['rps']:,.0f} req/s, p99 {floor['p99'] / 1000:.1f} ms",
        ["page", "miss req/s", "p95 ms", "p99 ms", "miss/floor"],
        misses,
    )
    search = wrk(workdir, front.port, [paths["search"]], duration, 16)
    print(
        f"\n  search under 16 connections: {search['rps']:.0f} req/s, p50 {search['p50'] / 1000:.1f} ms, "
        f"p95 {search['p95'] / 1000:.1f} ms (target <= 50 ms), p99 {search['p99'] / 1000:.1f} ms"
    )
    print(f"  errors in all runs: {errors}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--duration", type=int, default=8, help="seconds of each wrk run")
    parser.add_argument("--publish-duration", type=int, default=25, help="seconds of the publish-during-load run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per instance")
    parser.add_argument(
        "--keep", help="keep the databases, logs and nginx files under this directory (a second run reuses them)"
    )
    args = parser.parse_args()
    if reason := nginx_missing_reason() or (None if shutil.which("wrk") else "wrk is not installed"):
        sys.exit(f"bench/load.py: {reason}")
    if args.db != "both":
        run(args.db, args)
        return
    # Django is set up once per process: each database gets a process of its own.
    rest = [arg for arg in sys.argv[1:] if arg not in {"--db", "both"}]
    for db in ("sqlite", "postgres"):
        subprocess.run([PYTHON, __file__, "--db", db, *rest], check=True)


if __name__ == "__main__":
    main()
