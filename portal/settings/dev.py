"""Local development: debug pages and a throwaway secret key."""

import contextlib

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production-0123456789"
ALLOWED_HOSTS = ["*"]
# Demo content and its seed commands (seed_demo, seed_mailbox_demo) exist only on laptops and in tests.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
# Static files come straight from the app folders; collectstatic is for production.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
