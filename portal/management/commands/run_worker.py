"""The queue worker for ``PORTAL_TASKS_BACKEND=database``: django-tasks-db's ``db_worker`` plus a heartbeat.

    manage.py run_worker                 # what deploy/systemd/portal-worker.service runs
    manage.py run_worker --batch         # run what is queued, then exit

Takes every option of ``db_worker``. Before the first task it loads what the first request would
otherwise wait for (``portal.warmup``: jieba's dictionary), and writes a heartbeat row every
``PORTAL_WORKER_HEARTBEAT_SECONDS`` that ``/healthz`` checks. Task start/finish lines are logged at
INFO, so the production log (WARNING) shows only failures; ``-v 2`` shows them.
"""

import logging

from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from django.db import connection

from portal import warmup
from portal.background.heartbeat import HeartbeatThread, beat


class Command(db_worker.Command):
    help = "运行后台任务进程（数据库任务队列），并定时写入心跳。"

    def configure_logging(self, verbosity: int) -> None:
        """Leave the levels to LOGGING unless asked: db_worker would force INFO and its own handler."""
        if verbosity == 1:
            return
        level = {0: logging.CRITICAL, 2: logging.INFO}.get(verbosity, logging.DEBUG)
        for name in (TASKS_LOGGER, "django_tasks_db"):
            logging.getLogger(name).setLevel(level)

    def handle(self, *args, **options):
        warmup.run()
        heartbeat = HeartbeatThread(options["worker_id"])
        beat(heartbeat.worker_id, heartbeat.started_at)
        if not connection.in_atomic_block:
            connection.close()  # the heartbeat thread and the worker loop each open their own
        heartbeat.start()
        try:
            super().handle(*args, **options)
        finally:
            heartbeat.stop()
