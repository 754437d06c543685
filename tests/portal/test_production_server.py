"""gunicorn with deploy/gunicorn.conf.py and the production settings: warm at boot, quiet logs, request ids.

The database is an empty SQLite file (no migrations: a boot is what is tested, and migrating would take
a minute). That makes the boot's dictionary loading visible: it finds no tables and says so.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    (tmp / "media").mkdir()
    (tmp / "static").mkdir()
    port = free_port()
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "PORTAL_", "LOG_"))},
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "p" * 20 + "Zq9!x@L#p$3%v^7&b*2(n)4_w+8=m-1~" + "R" * 10,
        "DATABASE_URL": f"sqlite:///{tmp / 'empty.sqlite3'}",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    log = (tmp / "stderr.log").open("w+")
    command = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            get(f"{base}/healthz")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"gunicorn did not start: {log.read()}")
            time.sleep(0.2)
    log.seek(0)
    boot_log = log.read()
    yield base, boot_log, log
    process.send_signal(signal.SIGINT)  # quick shutdown
    process.wait(timeout=30)
    log.close()


def test_the_search_dictionary_loads_when_the_worker_boots_before_any_request(server):
    _base, boot_log, _log = server
    lines = [line for line in boot_log.splitlines() if line.strip()]
    assert len(lines) == 1, boot_log
    assert " WARNING search.analysis [-] search dictionary tables unavailable" in lines[0]


def test_healthz_over_plain_http_with_a_request_id(server):
    base, _boot, _log = server
    status, headers, body = get(f"{base}/healthz")
    assert status == 200
    assert json.loads(body)["checks"] == {"database": "ok", "cache": "ok", "storage": "ok", "worker": "not used"}
    assert len(headers["X-Request-ID"]) == 32


def test_a_failed_request_is_one_log_line_with_its_request_id(server):
    base, boot_log, log = server
    request = urllib.request.Request(f"{base}/healthz", data=b"", headers={"X-Request-ID": "req-4711-abcdef"})
    try:
        urllib.request.urlopen(request, timeout=30)
    except urllib.error.HTTPError as error:
        status, headers = error.code, error.headers
    assert status == 405
    assert headers["X-Request-ID"] == "req-4711-abcdef"
    deadline = time.monotonic() + 10
    while True:
        log.seek(len(boot_log))
        new_lines = [line for line in log.read().splitlines() if line.strip()]
        if new_lines or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(new_lines) == 1, new_lines
    assert " WARNING django.request [req-4711-abcdef] Method Not Allowed (POST): /healthz" in new_lines[0]
