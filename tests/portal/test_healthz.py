"""/healthz: what the load balancer asks every few seconds."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_dir(media_root):
    media_root.mkdir(parents=True, exist_ok=True)


def test_healthy_answers_200_with_each_check_never_cached_and_without_a_cookie(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "worker": "not used"},
    }
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.cookies
    assert response["X-Request-ID"]


def test_a_cache_that_is_down_gives_503_naming_it_and_nothing_about_it(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "failed",
        "checks": {"database": "ok", "cache": "failed", "storage": "ok", "worker": "not used"},
    }
    assert b"127.0.0.1" not in response.content and b"redis" not in response.content.lower()


def test_missing_media_storage_gives_503(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "unmounted"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "failed"
    assert b"unmounted" not in response.content


def test_only_get_and_head(client):
    assert client.post("/healthz").status_code == 405
    assert client.head("/healthz").status_code == 200
