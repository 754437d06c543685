"""Fixtures shared by the whole suite: a site tree built the way the seed command builds it.

Each tests/<app>/conftest.py adds the fixtures of its app; plain helper functions live in
tests/<app>/helpers.py and object factories in tests/<app>/factories.py.
"""

import pytest

from wagtail.models import Collection, Locale, Page, Site

from home.models import HomeColumnSlot, HomePage
from portal.models import SiteIdentity
from tests.columns.factories import (
    NewsColumnPageFactory,
    NewsPageFactory,
    NoticeColumnPageFactory,
    NoticePageFactory,
)
from tests.columns.helpers import add_items
from tests.portal.helpers import TEST_IDENTITY


@pytest.fixture(autouse=True)
def captcha_test_mode(settings, monkeypatch):
    """Captchas accept "PASSED". django-simple-captcha copies the setting at import time, so patch both."""
    from captcha.conf import settings as captcha_settings

    settings.CAPTCHA_TEST_MODE = True
    monkeypatch.setattr(captcha_settings, "CAPTCHA_TEST_MODE", True)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached fragments never leak from one test into the next."""
    from django.core.cache import caches

    for alias in caches:
        caches[alias].clear()
    yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Every test writes uploads and renditions into its own directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    """Private uploads (letters' attachments, legal aid documents) also go into the test's own directory."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def home(db):
    """The home page as site root. Also works under ``pytest --nomigrations``, where
    Wagtail's data migrations (root page, default locale and site) have not run."""
    Locale.objects.get_or_create(language_code="zh-hans")
    Locale.objects.get_or_create(language_code="en")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="首页", slug="portal-home"))
    site = Site.objects.filter(is_default_site=True).first()
    welcome = site.root_page if site else None
    site = site or Site(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.port = 80
    site.save()
    if welcome is not None:
        welcome.delete()
    SiteIdentity.objects.update_or_create(site=site, defaults=TEST_IDENTITY)
    return home


@pytest.fixture
def news_column(home):
    return publish(NewsColumnPageFactory(parent=home))


@pytest.fixture
def notice_column(home):
    return publish(NoticeColumnPageFactory(parent=home))


@pytest.fixture
def home_with_columns(home, news_column, notice_column):
    HomeColumnSlot.objects.create(page=home, column=news_column, count=6, sort_order=0)
    home.notice_column = notice_column
    home.save()
    return home


@pytest.fixture
def make_items():
    return add_items


@pytest.fixture
def news_item(news_column):
    return NewsPageFactory(parent=news_column, title="新闻0000", slug="zfyw-新闻-0000")


@pytest.fixture
def notice_item(notice_column):
    return NoticePageFactory(parent=notice_column, title="通知0000", slug="tzgg-通知-0000")


@pytest.fixture
def chinese_backend(settings):
    """Search through the Chinese database backend (the columns and the search tests use it)."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}


def publish(page):
    page.save_revision().publish()
    return page
