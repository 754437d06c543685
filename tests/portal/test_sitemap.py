"""The sitemap: an index of sections of at most PORTAL_SITEMAP_SIZE URLs, built from cheap queries."""

from xml.etree import ElementTree

import pytest

from django.utils import timezone

from wagtail.models import Page

from columns.plugins.news.models import NewsPage

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def section_paths(client):
    index = xml(client.get("/sitemap.xml"))
    assert index.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [loc.text.removeprefix("http://testserver") for loc in index.findall("s:sitemap/s:loc", NS)]


def listed_urls(client):
    urls = []
    for path in section_paths(client):
        urls += [loc.text for loc in xml(client.get(path)).findall("s:url/s:loc", NS)]
    return urls


@pytest.fixture
def site_tree(home_with_columns, news_column, make_items):
    items = make_items(news_column, NewsPage, 6)
    hidden = items[-1]
    hidden.unpublish()
    return items[:-1], hidden


def test_small_site_is_one_section_with_every_live_page(client, site_tree):
    live_items, hidden = site_tree
    assert section_paths(client) == ["/sitemap-1.xml"]
    urls = listed_urls(client)
    expected = [page.get_full_url() for page in Page.objects.live().public().filter(depth__gte=2).order_by("path")]
    assert urls == expected
    assert all(item.get_full_url() in urls for item in live_items)
    assert hidden.get_full_url() not in urls


def test_sections_hold_at_most_the_configured_size_and_split_the_site_between_them(client, settings, site_tree):
    settings.PORTAL_SITEMAP_SIZE = 3
    live_pages = Page.objects.live().public().filter(depth__gte=2).count()  # home, 2 columns, 5 live items
    paths = section_paths(client)
    assert len(paths) == -(-live_pages // 3)
    sections = [[loc.text for loc in xml(client.get(path)).findall("s:url/s:loc", NS)] for path in paths]
    assert all(0 < len(section) <= 3 for section in sections)
    urls = [url for section in sections for url in section]
    assert len(urls) == len(set(urls)) == live_pages


def test_each_url_carries_the_date_of_its_last_publication(client, site_tree):
    _, republished = site_tree
    republished.save_revision().publish()
    republished.refresh_from_db()
    section = xml(client.get("/sitemap-1.xml"))
    dates = {url.find("s:loc", NS).text: url.find("s:lastmod", NS) for url in section.findall("s:url", NS)}
    assert dates[republished.get_full_url()].text == timezone.localdate(republished.last_published_at).isoformat()


@pytest.mark.parametrize("path", ["/sitemap-0.xml", "/sitemap-99.xml"])
def test_sections_out_of_range_are_not_found(client, site_tree, path):
    assert client.get(path).status_code == 404


def test_publishing_a_page_shows_in_the_sitemap_at_once(client, settings, site_tree):
    settings.PORTAL_SITEMAP_SIZE = 3
    before = section_paths(client)
    _, hidden = site_tree
    hidden.save_revision().publish()
    assert hidden.get_full_url() in listed_urls(client)
    assert len(section_paths(client)) >= len(before)
