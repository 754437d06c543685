"""Reading configuration from the environment.

Misconfiguration must stop start-up with one line an operator can act on, not a
traceback and certainly not a failure inside the first request, so every reader
here exits through ``stop()``.
"""

import os
import sys

import dj_database_url


def stop(message):
    """Abort start-up with a single line on stderr and exit status 1."""
    sys.exit(f"portal: configuration error: {message}")


def env_str(name, default=""):
    return os.environ.get(name, default).strip()


def env_bool(name, default=False):
    value = env_str(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    stop(f"{name}={value!r} is not a boolean (use true or false)")


def env_int(name, default):
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        stop(f"{name}={value!r} is not a whole number")


def env_list(name, default=()):
    value = env_str(name)
    if not value:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_env(default_url):
    """Parse DATABASE_URL, accepting only engines the portal is tested on."""
    url = env_str("DATABASE_URL") or default_url
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0))
    except ValueError as error:  # ParseError and UnknownSchemeError are ValueErrors
        stop(f"DATABASE_URL is malformed ({error.__class__.__name__}: {error})")
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        stop(f"DATABASE_URL must be a sqlite:// or postgres:// URL, got engine {engine or 'none'!r}")
    if engine == "django.db.backends.postgresql" and not config.get("NAME"):
        stop("DATABASE_URL names no database (postgres://USER@HOST:PORT/NAME)")
    if engine == "django.db.backends.sqlite3" and not config.get("NAME"):
        stop("DATABASE_URL names no SQLite file (sqlite:////absolute/path.sqlite3)")
    return config
