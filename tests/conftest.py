"""Fixtures shared by the whole suite: a site tree built the way the seed command builds it."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Collection, Locale, Page, Site

from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticeColumnPage, NoticePage
from home.models import HomeColumnSlot, HomePage
from portal.models import SiteIdentity

TEST_IDENTITY = {
    "site_name": "中共测试市委政法委员会",
    "city_short_name": "测试",
    "sponsor": "中共测试市委政法委员会",
    "organizer": "测试市委政法委办公室",
    "site_code": "1234567890",
    "icp_number": "测ICP备12345678号",
    "police_record_number": "测公网安备 12345678901234号",
    "police_record_link": "https://beian.mps.gov.cn/",
    "party_gov_label_link": "https://bszs.conac.cn/",
    "address": "测试市人民路1号",
    "postcode": "100000",
    "phone": "010-12345678",
    "error_report_link": "https://zfwzzc.www.gov.cn/",
}


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


def add_column(parent, model, title, slug, **kwargs):
    column = parent.add_child(instance=model(title=title, slug=slug, show_in_menus=True, **kwargs))
    column.save_revision().publish()
    return column


def add_items(column, model, count, *, start=None, prefix="信息"):
    """Create ``count`` live items, newest first, one hour apart."""
    start = start or timezone.now()
    items = []
    for index in range(count):
        item = column.add_child(
            instance=model(
                title=f"{prefix}{index:04d}",
                slug=f"{column.slug}-{prefix}-{index:04d}",
                publish_date=start - timedelta(hours=index),
            )
        )
        items.append(item)
    return items


@pytest.fixture
def news_column(home):
    return add_column(home, NewsColumnPage, "政法要闻", "zfyw")


@pytest.fixture
def notice_column(home):
    return add_column(home, NoticeColumnPage, "通知公告", "tzgg")


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
    return add_items(news_column, NewsPage, 1, prefix="新闻")[0]


@pytest.fixture
def notice_item(notice_column):
    return add_items(notice_column, NoticePage, 1, prefix="通知")[0]
