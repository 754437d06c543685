"""Settings for the scale benchmark (bench/make_big_site.py, bench/scale.py): the benchmark settings
plus the demo app (its seed command builds the base site), and search updated on publish as in production."""

from bench.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}
# The benchmark's admin client logs in with force_login; the second factor is not what is measured.
PORTAL_REQUIRE_2FA = False
