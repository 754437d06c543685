"""Cache-Control, Vary, ETag and 304 on public responses (portal/cache_headers.py; README "Front cache")."""

import pytest

from django.utils.cache import get_max_age


def cache_control(response):
    """``public, s-maxage=600`` -> ``{"public": True, "s-maxage": "600"}``."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value or True
    return directives


@pytest.fixture
def site_pages(home_with_columns, news_item):
    return {"home": home_with_columns, "item": news_item}


def assert_shared(response, s_maxage):
    assert response.status_code == 200
    directives = cache_control(response)
    assert "public" in directives and "private" not in directives
    assert directives["s-maxage"] == str(s_maxage)
    assert get_max_age(response) == 60
    assert not response.cookies, "a shared page must set no cookie"
    vary = response.get("Vary", "").lower()
    assert "cookie" not in vary and "accept-language" not in vary


def assert_never_cached(response):
    directives = cache_control(response)
    assert "private" in directives and "no-store" in directives, response.get("Cache-Control")
    assert "public" not in directives and "s-maxage" not in directives


@pytest.mark.parametrize("path", ["/", "/zfyw/", "/zfyw/?page=1", "/zfyw/zfyw-新闻-0000/"])
def test_anonymous_pages_are_shared_for_long(client, site_pages, path):
    assert_shared(client.get(path), 3600)


def test_feed_sitemap_and_print_view_are_shared_for_long(client, site_pages):
    column, item = site_pages["item"].column, site_pages["item"]
    for path in (f"/columns/{column.pk}/feed/", "/sitemap.xml", f"/columns/item/{item.pk}/print/"):
        assert_shared(client.get(path), 3600)


def test_views_nothing_purges_are_shared_briefly(client, site_pages):
    assert_shared(client.get("/legal/faq/"), 60)


@pytest.mark.parametrize(
    "path",
    [
        "/search/?q=政法",
        "/api/search/?q=政法",
        "/mailbox/write/",
        "/mailbox/query/",
        "/legal/ask/",
        "/legal/aid/",
        "/legal/aid/query/",
    ],
)
def test_searches_forms_and_queries_are_never_cached(client, site_pages, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_never_cached(response)


def test_posts_are_never_cached(client, site_pages):
    assert_never_cached(client.post("/mailbox/query/", {}))


def test_a_logged_in_user_gets_private_pages(client, site_pages, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "x"))
    assert_never_cached(client.get("/"))
    assert_never_cached(client.get("/zfyw/zfyw-新闻-0000/"))


def test_a_visitor_with_an_anonymous_session_still_gets_the_shared_page(client, site_pages):
    client.cookies["sessionid"] = "no-such-session"
    response = client.get("/zfyw/")
    # The stale cookie is deleted (a Set-Cookie), so this one answer is private; the next is shared.
    assert_never_cached(response)
    assert response.cookies["sessionid"]["max-age"] == 0
    del client.cookies["sessionid"]  # as a browser drops an expired cookie
    assert_shared(client.get("/zfyw/"), 3600)


def test_previews_and_the_admin_are_never_cached(client, site_pages, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.com", "x"))
    item = site_pages["item"]
    assert_never_cached(client.get(f"/admin/pages/{item.pk}/view_draft/"))
    assert_never_cached(client.get("/admin/"))


@pytest.mark.parametrize("path", ["/", "/zfyw/zfyw-新闻-0000/", "feed"])
def test_etag_and_304(client, site_pages, path):
    if path == "feed":
        path = f"/columns/{site_pages['item'].column.pk}/feed/"
    first = client.get(path)
    assert first.has_header("ETag")
    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(path, headers={"if-none-match": '"other"'}).status_code == 200


def test_feeds_answer_if_modified_since(client, site_pages):
    path = f"/columns/{site_pages['item'].column.pk}/feed/"
    first = client.get(path)
    assert first.has_header("Last-Modified")
    assert client.get(path, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
