"""Work a process does once when it boots, so that no visitor's request waits for it.

Apps register loaders from their ``AppConfig.ready()`` (search registers jieba's dictionary, 0.7 s);
gunicorn's ``post_worker_init`` hook (deploy/gunicorn.conf.py) and ``manage.py run_worker`` call
``run()``. The core does not know which apps register.
"""

import logging
import time

logger = logging.getLogger(__name__)
_loaders = {}


def register(name: str, loader) -> None:
    _loaders[name] = loader


def run() -> dict[str, float]:
    """Run every loader; returns the seconds each took. A failing loader is logged, never fatal: the
    first request then loads what it needs itself."""
    timings = {}
    for name, loader in _loaders.items():
        started = time.perf_counter()
        try:
            loader()
        except Exception:  # a boot must not die of a cache that can be built later
            logger.exception("warm-up %s failed", name)
            continue
        timings[name] = time.perf_counter() - started
        logger.info("warm-up %s done in %.2f s", name, timings[name])
    return timings
