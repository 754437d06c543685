"""The real Debian nginx (deploy/nginx/portal.conf, run by bench/frontnginx.py) in front of a live Django server:
anonymous pages come from the cache, every kind of change purges what it makes stale, never-cached pages
are never stored, and 304 answers come from the cache."""

import http.client
from datetime import timedelta
from urllib.parse import quote, urlsplit

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

from bench.frontnginx import FrontNginx, nginx_missing_reason
from home.models import HomeColumnSlot
from portal.models import SiteIdentity
from tests.columns.factories import NewsColumnPageFactory

pytestmark = pytest.mark.skipif(nginx_missing_reason() is not None, reason=str(nginx_missing_reason()))

ITEM = "/zfyw/zfyw-新闻-0000/"


@pytest.fixture(scope="module")
def front(live_server, tmp_path_factory):
    address = urlsplit(live_server.url)
    with FrontNginx([f"127.0.0.1:{address.port}"], tmp_path_factory.mktemp("nginx")) as nginx:
        yield nginx


@pytest.fixture
def site(transactional_db, settings, front, home_with_columns, news_item):
    """The tree of the shared fixtures, its site named ``localhost``, purges going to ``front``."""
    Site.objects.filter(root_page=home_with_columns).update(hostname="localhost", port=80)
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {"BACKEND": "portal.frontend_cache.NginxPurgeBackend", "LOCATION": front.url}
    }
    settings.PORTAL_FRONTEND_CACHE_REPURGE_MS = 0
    front.clear_cache()
    return {"home": home_with_columns, "item": news_item, "column": news_item.get_parent().specific}


def get(front, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", front.port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/?=&"), headers={"Host": "localhost", **headers})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def warm(front, *paths):
    """Visits each path until nginx serves it from its cache."""
    for path in paths:
        get(front, path)
        status, headers, _body = get(front, path)
        assert headers.get("X-Cache-Status") == "HIT", (path, status, headers)


def cached(front, path):
    return get(front, path)[1].get("X-Cache-Status") == "HIT"


def feed(site):
    return f"/columns/{site['column'].pk}/feed/"


def test_a_second_visit_comes_from_the_cache(front, site):
    status, headers, body = get(front, ITEM)
    assert status == 200 and headers["X-Cache-Status"] == "MISS"
    status, headers, again = get(front, ITEM)
    assert status == 200 and headers["X-Cache-Status"] == "HIT"
    assert again == body
    assert "Set-Cookie" not in headers


def test_publishing_purges_the_page_its_listings_home_feed_and_sitemap(front, site):
    unrelated = site["home"].get_children().exclude(pk=site["column"].pk).get().url
    paths = [ITEM, "/", "/zfyw/", "/zfyw/?page=1", feed(site), "/sitemap.xml", unrelated]
    warm(front, *paths)
    item = site["item"]
    item.title = "新闻已更新"
    item.save_revision().publish()
    for path in paths[:-1]:
        assert get(front, path)[1]["X-Cache-Status"] == "MISS", path
    assert cached(front, unrelated), "a publish purges only what shows the page"
    assert "新闻已更新" in get(front, ITEM)[2]
    assert "新闻已更新" in get(front, "/")[2]
    assert "新闻已更新" in get(front, feed(site))[2]


def test_unpublishing_and_deleting_purge(front, site):
    warm(front, ITEM, "/zfyw/", "/")
    site["item"].unpublish()
    assert get(front, ITEM)[0] == 404
    assert "新闻0000" not in get(front, "/zfyw/")[2]
    site["item"].save_revision().publish()
    warm(front, ITEM, "/zfyw/")
    site["item"].delete()
    assert get(front, ITEM)[0] == 404
    assert "新闻0000" not in get(front, "/zfyw/")[2]


def test_moving_purges_the_old_and_the_new_place(front, site):
    other = NewsColumnPageFactory(parent=site["home"], title="第二栏目", slug="second")
    other.save_revision().publish()
    HomeColumnSlot.objects.create(page=site["home"], column=other, count=6, sort_order=1)
    site["home"].save_revision().publish()
    warm(front, ITEM, "/zfyw/", "/second/")
    site["item"].move(other, pos="last-child")
    assert get(front, ITEM)[0] == 301  # to the new address (wagtail.contrib.redirects)
    assert "新闻0000" not in get(front, "/zfyw/")[2]
    assert "新闻0000" in get(front, "/second/")[2]
    assert get(front, "/second/zfyw-新闻-0000/")[0] == 200


def test_scheduled_publishing_purges(front, site):
    warm(front, ITEM, "/zfyw/")
    item = site["item"]
    item.title = "定时发布的标题"
    item.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled")
    assert "定时发布的标题" in get(front, ITEM)[2]
    assert "定时发布的标题" in get(front, "/zfyw/")[2]


def test_site_settings_purge_everything(front, site):
    warm(front, ITEM, "/zfyw/", "/")
    identity = SiteIdentity.objects.get()
    identity.site_name = "新的网站名称"
    identity.save()
    for path in (ITEM, "/zfyw/", "/"):
        assert "新的网站名称" in get(front, path)[2], path


@pytest.mark.parametrize("path", ["/search/?q=新闻", "/mailbox/write/", "/legal/aid/query/", "/zfyw/?page=x"])
def test_never_cached_pages_are_never_stored(front, site, path):
    for _ in range(3):
        status, headers, _body = get(front, path)
        assert status == 200
        assert headers["X-Cache-Status"] in {"MISS", "BYPASS"}, path


def test_a_session_cookie_bypasses_the_cache(front, site):
    warm(front, ITEM)
    assert get(front, ITEM, Cookie="sessionid=staff-session")[1]["X-Cache-Status"] == "BYPASS"
    assert cached(front, ITEM)


def test_304_from_the_cache(front, site):
    warm(front, ITEM, feed(site))
    for path in (ITEM, feed(site)):
        etag = get(front, path)[1]["ETag"]
        status, headers, body = get(front, path, **{"If-None-Match": etag})
        assert status == 304 and body == "" and headers["X-Cache-Status"] == "HIT", path
