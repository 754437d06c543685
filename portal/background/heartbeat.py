"""The queue worker's heartbeat: a row per worker, refreshed from a thread of the worker process."""

import logging
import os
import socket
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

STALE_ROWS_AFTER = timedelta(days=1)


def beat(worker_id: str, started_at) -> None:
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname(), "pid": os.getpid(), "started_at": started_at, "beat_at": now},
    )
    WorkerHeartbeat.objects.filter(beat_at__lt=now - STALE_ROWS_AFTER).delete()


def last_beat():
    """When any worker last reported, or None."""
    return WorkerHeartbeat.objects.order_by("-beat_at").values_list("beat_at", flat=True).first()


def worker_is_alive() -> bool:
    beat_at = last_beat()
    return beat_at is not None and beat_at >= timezone.now() - timedelta(seconds=settings.PORTAL_WORKER_MAX_SILENCE)


class HeartbeatThread(threading.Thread):
    """Beats every PORTAL_WORKER_HEARTBEAT_SECONDS until stopped; it dies with the worker process."""

    def __init__(self, worker_id: str):
        super().__init__(name="portal-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(settings.PORTAL_WORKER_HEARTBEAT_SECONDS):
                close_old_connections()
                try:
                    beat(self.worker_id, self.started_at)
                except DatabaseError as error:  # a database restart: the next beat will do
                    logger.warning("worker heartbeat not written: %s", error)
        finally:
            connection.close()

    def stop(self):
        self.stopped.set()
