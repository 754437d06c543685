"""gunicorn settings for the portal: ``gunicorn -c deploy/gunicorn.conf.py`` (deploy/systemd/portal-web.service).

Every value can be overridden from the environment (GUNICORN_*), so one file serves one host or several.
Each worker loads what the first request would otherwise wait for (jieba's dictionary, ``portal.warmup``)
right after it boots, before it accepts a connection.
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Sync workers: the pages are short CPU work; slow clients are buffered by nginx in front.
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that a slow leak never grows for weeks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10
# The proxies whose X-Forwarded-* headers are believed (nginx on this host, or the balancer's addresses).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access lines come from nginx; gunicorn logs only its own warnings and errors to stderr (journald).
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "portal"


def post_worker_init(worker):
    """The app is loaded (Django is set up): warm it, then drop any connection opened meanwhile."""
    from django.db import connections

    from portal import warmup

    warmup.run()
    connections.close_all()
