"""Runs deploy/nginx/portal.conf itself, unprivileged paths and loopback ports swapped in, for the front-cache
tests (tests/portal/test_front_cache_nginx.py) and the load benchmark (bench/load.py).

Only the lines marked ``# harness:`` in the site file are rewritten; everything else (cache key, bypass
rules, purge) is what production runs.
"""

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

SITE_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx" / "portal.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


def nginx_missing_reason() -> str | None:
    """Why nginx with the purge module cannot run here, or None."""
    if not Path(NGINX).exists():
        return "nginx is not installed (scripts/_nginx.sh installs nginx and libnginx-mod-http-cache-purge)"
    if not PURGE_MODULE.exists():
        return "libnginx-mod-http-cache-purge is not installed (scripts/_nginx.sh installs it)"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(upstreams, port, workdir, static_root) -> str:
    """deploy/nginx/portal.conf with the harness lines pointed at ``upstreams`` and ``workdir``."""
    lines = []
    upstream_done = False
    for line in SITE_CONF.read_text().splitlines():
        marker = re.search(r"# harness: (\w+)", line)
        kind = marker.group(1) if marker else None
        if kind == "cache":
            line = line.replace("/var/cache/nginx/portal", str(workdir / "cache"))
        elif kind == "upstream":
            if upstream_done:
                continue
            line = "\n".join(f"    server {upstream} max_fails=3 fail_timeout=10s;" for upstream in upstreams)
            upstream_done = True
        elif kind == "listen":
            line = f"    listen 127.0.0.1:{port};"
        elif kind == "static":
            line = f"        alias {static_root}/;"
        elif kind == "media":
            line = f"        alias {workdir / 'media'}/;"
        lines.append(line)
    return "\n".join(lines) + "\n"


class FrontNginx:
    """nginx on 127.0.0.1:``port`` in front of ``upstreams`` (``host:port`` strings); a context manager.

    ``extra_http`` adds directives to the ``http`` block (bench/load.py adds a static-file server).
    """

    def __init__(self, upstreams, workdir, *, port=None, static_root=None, extra_http="", workers=1):
        self.upstreams = list(upstreams)
        self.workdir = Path(workdir)
        self.port = port or free_port()
        self.static_root = Path(static_root or self.workdir / "static")
        self.extra_http = extra_http
        self.workers = workers
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def write_config(self) -> Path:
        for name in ("cache", "media", "temp", "logs"):
            (self.workdir / name).mkdir(parents=True, exist_ok=True)
        self.static_root.mkdir(parents=True, exist_ok=True)
        (self.workdir / "portal.conf").write_text(
            site_config(self.upstreams, self.port, self.workdir, self.static_root)
        )
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = self.workdir / "temp"
        main = f"""{user}load_module {PURGE_MODULE};
worker_processes {self.workers};
pid {self.workdir / "nginx.pid"};
error_log {self.workdir / "logs" / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.workdir / "portal.conf"};
    {self.extra_http}
}}
"""
        path = self.workdir / "nginx.conf"
        path.write_text(main)
        return path

    def start(self):
        config = self.write_config()
        check = subprocess.run([NGINX, "-t", "-q", "-c", str(config)], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx rejected the configuration: {check.stderr.strip()}")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(config), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"nginx stopped: {self.process.stderr.read().decode().strip()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not listen within 10 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def clear_cache(self):
        """Empties the cache directory (nginx treats a missing file as a miss)."""
        shutil.rmtree(self.workdir / "cache", ignore_errors=True)
        (self.workdir / "cache").mkdir()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()
