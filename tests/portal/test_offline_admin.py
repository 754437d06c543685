"""Nothing in the admin or on the public site makes a browser ask a host outside the intranet.

Staff avatars used to come from www.gravatar.com: broken on an intranet cut off from the
internet, and every staff e-mail hash was sent out with each admin page view.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from wagtail.templatetags.wagtailcore_tags import wagtail_feature_release_editor_guide_link

from tests.columns.helpers import add_items
from tests.portal.factories import UserFactory
from tests.portal.helpers import TEST_IDENTITY

pytestmark = pytest.mark.django_db

LOCAL_HOSTS = {"testserver", "localhost", "127.0.0.1"}
# Plain links a person may follow (nothing is fetched by showing them): Wagtail's <noscript> advice,
# its editor guide (dashboard greeting) and content-checks help links, and the footer links every
# government site must carry.
FOLLOWABLE_LINKS = {
    "https://www.enable-javascript.com/",
    "https://guide.wagtail.org/content-checks/",
    wagtail_feature_release_editor_guide_link(),
    "https://beian.miit.gov.cn/",
    TEST_IDENTITY["police_record_link"],
    TEST_IDENTITY["party_gov_label_link"],
    TEST_IDENTITY["error_report_link"],
}


def outside(url):
    """True for an absolute (http, https or protocol-relative) URL naming a host other than the test server."""
    url = url.strip()
    if not re.match(r"(?i)(https?:)?//", url):
        return False
    return urlsplit(url if "://" in url else "http:" + url).hostname not in LOCAL_HOSTS


class OutsideUrls(HTMLParser):
    """Collects src, srcset, href, poster, data and style url() values that name an outside host.

    ``fetched`` holds what a browser loads by itself (images, scripts, styles, frames, media);
    ``links`` the <a href> a person may click.
    """

    def __init__(self):
        super().__init__()
        self.fetched = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in {"src", "href", "poster", "data"}:
                candidates = [value]
            elif name in {"srcset", "imagesrcset"}:
                candidates = [part.split()[0] for part in value.split(",") if part.split()]
            elif name == "style":
                candidates = re.findall(r"url\(['\"]?([^'\")]+)", value)
            else:
                continue
            found = [url for url in candidates if outside(url)]
            (self.links if tag == "a" and name == "href" else self.fetched).extend(found)


def outside_urls(html):
    parser = OutsideUrls()
    parser.feed(html)
    return parser


def assert_offline(html, url):
    assert "gravatar" not in html.lower(), url
    found = outside_urls(html)
    assert found.fetched == [], url
    assert set(found.links) <= FOLLOWABLE_LINKS, (url, found.links)


def test_the_helper_finds_absolute_and_protocol_relative_hosts():
    found = outside_urls(
        '<img src="//www.gravatar.com/avatar/abc"><a href="https://example.org/x">x</a>'
        '<img srcset="/a.png 1x, http://cdn.example.com/b.png 2x"><a href="http://testserver/admin/">a</a>'
        '<link href="/static/a.css"><div style="background: url(https://fonts.example/x.woff)"></div>'
    )
    assert found.fetched == [
        "//www.gravatar.com/avatar/abc",
        "http://cdn.example.com/b.png",
        "https://fonts.example/x.woff",
    ]
    assert found.links == ["https://example.org/x"]


def test_admin_pages_fetch_nothing_from_outside_and_show_no_gravatar(client, news_column):
    from columns.plugins.news.models import NewsPage

    editor = UserFactory(superuser=True, username="editor", email="editor@example.gov.cn")
    item = add_items(news_column, NewsPage, 1, prefix="头像")[0]
    item.owner = editor
    item.save_revision(user=editor).publish()
    client.force_login(editor)
    for url in [
        "/admin/",
        "/admin/account/",
        f"/admin/pages/{item.pk}/edit/",
        f"/admin/pages/{news_column.pk}/",
        f"/admin/pages/{item.pk}/history/",
        "/admin/users/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_offline(html, url)
        # Neither the 帮助 menu nor a dashboard banner offers "what's new" on wagtail.org.
        assert "new-in-wagtail" not in html, url


def test_public_pages_fetch_nothing_from_outside(client, home_with_columns):
    for url in ["/", "/zfyw/", "/search/?q=法治"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_offline(response.content.decode(), url)
