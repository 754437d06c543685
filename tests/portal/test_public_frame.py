"""The public frame of issue 17 over HTTP: 网站地图, footer links, navigation, article tools, captcha question,
home columns, and identical cacheable HTML for every anonymous visitor."""

import re

import pytest
from captcha.models import CaptchaStore

from columns.plugins.notices.models import NoticeColumnPage, NoticePage
from home.models import FriendLink, InfoPage, SiteFrame
from portal.captcha import ChineseCaptchaField, chinese_arithmetic_challenge
from tests.columns.factories import NewsPageFactory
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


def test_site_map_lists_the_columns_from_the_page_tree(client, home_with_columns, news_column, notice_item):
    html = client.get("/sitemap/").content.decode()
    assert "<h1>网站地图</h1>" in html
    assert f'href="{news_column.url}"' in html and f'href="{notice_item.get_parent().url}"' in html
    assert notice_item.title not in html  # single items are found through their column


def test_footer_links_and_friend_links_are_editable(client, home):
    contact = home.add_child(instance=InfoPage(title="联系我们", slug="lxwm", body="<p>电话</p>"))
    frame = SiteFrame.for_site(home.get_site())
    frame.contact_page = contact
    frame.save()
    FriendLink.objects.create(frame=frame, title="中国长安网", url="http://www.chinapeace.gov.cn/", sort_order=0)
    html = client.get("/").content.decode()
    assert 'href="/sitemap/">网站地图' in html
    assert f'href="{contact.url}">联系我们' in html
    assert "中国长安网" in html and "data-today" in html
    assert client.get(contact.url).status_code == 200


def test_navigation_always_has_the_mailbox_and_legal_services(client, home_with_columns):
    nav = client.get("/").content.decode().split('id="site-nav-list"')[1].split("</ul>")[0]
    assert ">书记信箱</a>" in nav and ">法律服务</a>" in nav
    assert nav.index("首页") < nav.index("书记信箱") < nav.index("法律服务")


def test_two_search_forms_have_distinct_names(client, home):
    html = client.get("/search/?q=政法").content.decode()
    assert 'aria-label="全站搜索"' in html
    names = re.findall(r'<form[^>]*role="search"[^>]*aria-label="([^"]+)"', html)
    assert len(names) == len(set(names))


def test_article_tools_neighbours_and_server_qr_code(client, news_column):
    older = NewsPageFactory(parent=news_column, title="旧闻", slug="old")
    older.publish_date = older.publish_date.replace(year=2020)
    older.save_revision().publish()
    newer = NewsPageFactory(parent=news_column, title="新闻", slug="new")
    html = client.get(newer.url).content.decode()
    assert 'data-article-size="large"' in html and "data-close-window" in html and "打印本页" in html
    assert "上一篇：没有了" in html and f'下一篇：<a href="{older.url}">旧闻</a>' in html
    assert re.search(r'<svg role="img" aria-label="本页二维码：http://testserver/[^"]*"', html)
    html = client.get(older.url).content.decode()
    assert f'上一篇：<a href="{newer.url}">新闻</a>' in html


def test_anonymous_pages_are_identical_and_set_no_cookie(client, news_item):
    first, second = client.get(news_item.url), client.get(news_item.url)
    assert first.content == second.content
    assert not first.cookies


def test_chinese_arithmetic_captcha_is_answered_once(client, home, settings):
    settings.CAPTCHA_TEST_MODE = False
    data = client.get("/captcha/question/").json()
    assert re.fullmatch(r"[零一二三四五六七八九十]+[加减][零一二三四五六七八九十]+等于几？", data["question"])
    answer = CaptchaStore.objects.get(hashkey=data["key"]).response
    field = ChineseCaptchaField()
    assert field.clean([data["key"], answer])
    with pytest.raises(Exception, match="验证码错误"):
        field.clean([data["key"], answer])


def test_arithmetic_challenge_answers_are_right():
    digits = "零一二三四五六七八九十"
    for _ in range(50):
        question, answer = chinese_arithmetic_challenge()
        first, op, second = re.fullmatch(r"(.+?)([加减])(.+?)等于几？", question).groups()
        a, b = digits.index(first), digits.index(second)
        assert int(answer) == (a + b if op == "加" else a - b) >= 0


def test_home_shows_every_column_with_content(client, home_with_columns, make_items):
    extra = add_column(home_with_columns, NoticeColumnPage, "政务公开", "zwgk")
    html = client.get("/").content.decode()
    assert "政务公开" not in html.split("home-grid")[1]  # no items yet: no empty panel
    make_items(extra, NoticePage, 2)
    html = client.get("/").content.decode()
    assert f'id="home-column-{extra.pk}"' in html
    home_with_columns.show_other_columns = False
    home_with_columns.save_revision().publish()
    assert f'id="home-column-{extra.pk}"' not in client.get("/").content.decode()
