"""Languages (zh-hans default without a URL prefix, English second) and the styled error pages."""

import pytest

from django.conf import settings

from wagtail.models import Locale

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_language_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert "wagtail_localize" in settings.INSTALLED_APPS


def test_default_and_second_locale_exist(db):
    assert Locale.get_default().language_code == "zh-hans"
    assert Locale.objects.filter(language_code="en").exists()


def test_default_locale_urls_have_no_language_prefix(client, home_with_columns, news_item):
    assert news_item.url.startswith("/zfyw/zfyw-")
    assert not news_item.url.startswith(("/zh-hans/", "/zh/"))
    response = client.get(news_item.url)
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in response.content.decode()


def test_default_language_ignores_the_browsers_accept_language(client, home_with_columns):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9"})
    assert '<html lang="zh-Hans">' in response.content.decode()


def test_english_translation_is_served_under_en_prefix(client, home_with_columns):
    english = home_with_columns.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Home"
    english.save_revision().publish()
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert isinstance(response.context["page"], HomePage)
    assert response.context["page"].locale.language_code == "en"


def test_admin_login_page_is_in_chinese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-hans"' in html.lower() or 'lang="zh-Hans"' in html
    assert "用户名" in html and "登录" in html and "政法委网站管理后台" in html


def test_missing_page_is_a_styled_chinese_404(client, home_with_columns):
    response = client.get("/no-such-column/no-such-item/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "您访问的页面不存在" in html
    assert 'class="site-header"' in html and "1234567890" in html


def test_server_error_is_a_styled_500_without_traceback(client, home_with_columns, monkeypatch):
    def explode(*args, **kwargs):
        raise RuntimeError("database exploded: secret detail")

    monkeypatch.setattr(HomePage, "get_context", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "服务器暂时无法处理您的请求" in html
    assert "Traceback" not in html and "secret detail" not in html
