"""``/healthz`` for the load balancer: database, cache, media storage and the queue worker's heartbeat.

200 with ``{"status": "ok", "checks": {...}}`` when all pass, 503 naming the part that failed. The
answer never says why (no host names, paths or driver messages reach the network): the reason goes to
the log at WARNING. Never cached, sets no cookie.
"""

import logging
import uuid

from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .background.heartbeat import worker_is_alive

logger = logging.getLogger(__name__)
OK, FAILED, NOT_USED = "ok", "failed", "not used"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    key, value = "healthz:probe", uuid.uuid4().hex
    cache.set(key, value, timeout=30)
    return cache.get(key) == value


def check_storage():
    default_storage.listdir("")  # reaches the disk or the bucket; raises when it cannot
    return True


def check_worker():
    if isinstance(task_backends["default"], ImmediateBackend):
        return None  # tasks run in the web process: there is no worker to wait for
    return worker_is_alive()


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage, "worker": check_worker}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            passed = check()
        except Exception as error:  # any failure of the part is the answer; the reason goes to the log only
            logger.warning("healthz: %s check raised %s: %s", name, type(error).__name__, error)
            passed = False
        if passed is None:
            results[name] = NOT_USED
        else:
            results[name] = OK if passed else FAILED
            if not passed:
                logger.warning("healthz: %s check failed", name)
    return results


@csrf_exempt  # a probe holds no session; any other method gets a plain 405
@never_cache
@require_safe
def healthz(request):
    checks = run_checks()
    healthy = FAILED not in checks.values()
    return JsonResponse({"status": "ok" if healthy else "failed", "checks": checks}, status=200 if healthy else 503)
