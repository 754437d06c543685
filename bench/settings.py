"""Settings for the benchmarks: a scratch database (DATABASE_URL, set by bench/run_search.py) and
both search backends side by side, neither updated on save so that indexing is timed on its own."""

from portal.settings.base import *  # noqa: F403

SECRET_KEY = "bench-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
DEBUG = False
ALLOWED_HOSTS = ["*"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "CRITICAL"}}
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False},
    "stock": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}
