"""Start-up configuration: bad settings stop the process with one clear line."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "k" * 20 + "Zq9!x@L#p$3%v^7&b*2(n)4_w+8=m-1~" + "R" * 10


def manage(*args, env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "url",
    ["not a url", "postgres://user@host:notaport/db", "mysql://user@localhost/portal", "postgres://localhost:5432/"],
)
def test_malformed_database_url_stops_start_up_with_one_line(url, tmp_path):
    result = manage("check", env={"DATABASE_URL": url})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("portal: configuration error: DATABASE_URL")
    assert "Traceback" not in result.stderr


def test_production_without_secret_key_stops_with_one_line():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "portal.settings.production"})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "portal: configuration error: SECRET_KEY is not set; production needs a random value of 50 or more characters"
    )


def test_production_with_short_secret_key_stops():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "short"})
    assert result.returncode == 1
    assert "SECRET_KEY is shorter than 50 characters" in result.stderr


def test_production_deploy_check_is_clean(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": GOOD_SECRET,
            "ALLOWED_HOSTS": "example.gov.cn",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_redis_url_selects_the_redis_cache():
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env={"REDIS_URL": "redis://127.0.0.1:6379/1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("django.core.cache.backends.redis.RedisCache")


@pytest.mark.django_db
def test_responses_carry_a_permissions_policy(client, home):
    header = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in header
    assert client.get("/admin/login/")["Permissions-Policy"] == header


def test_production_sends_the_permissions_policy(tmp_path):
    code = (
        "from django.test import Client; from django.test.utils import setup_test_environment; "
        "setup_test_environment(); "
        "print(Client().get('/', HTTP_HOST='example.gov.cn')['Permissions-Policy'])"
    )
    result = manage(
        "shell",
        "-c",
        code,
        env={
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": GOOD_SECRET,
            "ALLOWED_HOSTS": "example.gov.cn",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        },
    )
    assert result.returncode == 0, result.stderr
    assert "camera=(), " in result.stdout and "microphone=()" in result.stdout and "payment=()" in result.stdout


def test_production_installs_no_demo_content_and_every_builtin_column_type(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": GOOD_SECRET,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'apps.sqlite3'}",
    }
    result = manage(
        "shell",
        "-c",
        "from django.apps import apps; from django.core.management import get_commands;"
        "print(sorted(a.label for a in apps.get_app_configs())); print(sorted(get_commands()))",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    labels, commands = result.stdout.splitlines()[-2:]
    assert "'demo'" not in labels
    assert "seed_demo" not in commands and "seed_mailbox_demo" not in commands
    plugins = sorted(p.name for p in (ROOT / "columns" / "plugins").iterdir() if (p / "apps.py").is_file())
    assert plugins and all(f"'{name}'" in labels for name in plugins)
