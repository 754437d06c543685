"""Test runs: fast hashing, no outgoing mail, no manifest needed for static files."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"handlers": [], "level": "CRITICAL"}}

# Tests log in with force_login; the two-factor tests switch the requirement on themselves.
PORTAL_REQUIRE_2FA = False
# Tests travel in time with a logged-in client; the admin session limits are tested in tests/accounts
# with the production values (its conftest sets them), everywhere else they stay out of the way.
PORTAL_ADMIN_IDLE_TIMEOUT = PORTAL_ADMIN_SESSION_MAX_AGE = 10 * 365 * 24 * 3600

# Static files come from the finders; nothing is collected in tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

# The demo content and its seed commands; and a column type from an app of its own, proving the
# plugin contract (tests/column_plugin_app).
INSTALLED_APPS = [*INSTALLED_APPS, "demo", "tests.column_plugin_app"]  # noqa: F405

# A file-based SQLite test database (not shared-cache memory), so that tests with several
# threads see SQLite's real locking, as the site does in production.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process, so that runs side by side in one checkout never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-portal-{os.getpid()}.sqlite3")}  # noqa: F405
