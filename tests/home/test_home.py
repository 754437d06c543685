"""The home page: identity in the footer, columns, notices, entries, and a fixed query count."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticePage
from home.models import HomeColumnSlot
from tests.columns.helpers import add_column, add_items

pytestmark = pytest.mark.django_db

FOOTER_FACTS = [
    "中共测试市委政法委员会",
    "测试市委政法委办公室",
    "1234567890",
    "测ICP备12345678号",
    "测公网安备 12345678901234号",
    "https://beian.mps.gov.cn/",
    "https://bszs.conac.cn/",
    "测试市人民路1号",
    "100000",
    "010-12345678",
    "https://zfwzzc.www.gov.cn/",
]


def footer_of(html):
    return html[html.index('<footer class="site-footer"') :]


def test_home_page_shows_every_identity_fact_in_the_footer(client, home_with_columns):
    response = client.get("/")
    assert response.status_code == 200
    footer = footer_of(response.content.decode())
    for fact in FOOTER_FACTS:
        assert fact in footer
    assert "网站标识码" in footer and "网站纠错" in footer


def test_every_public_page_has_the_footer(client, home_with_columns, news_item, notice_item):
    for url in ["/", news_item.url, "/zfyw/", notice_item.url, "/search/?q=法治", "/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert "1234567890" in footer_of(response.content.decode()), url


def test_home_lists_latest_items_of_each_chosen_column_newest_first(client, home_with_columns, news_column):
    add_items(news_column, NewsPage, 8, prefix="要闻")
    html = client.get("/").content.decode()
    shown = re.findall(r"要闻\d{4}", html)
    assert shown == ["要闻0000", "要闻0001", "要闻0002", "要闻0003", "要闻0004", "要闻0005"]


def test_home_item_count_per_column_is_editable(client, home_with_columns, news_column):
    add_items(news_column, NewsPage, 8, prefix="要闻")
    HomeColumnSlot.objects.filter(column=news_column).update(count=2)
    html = client.get("/").content.decode()
    assert re.findall(r"要闻\d{4}", html) == ["要闻0000", "要闻0001"]


def test_home_shows_notices_and_hides_unpublished_items(client, home_with_columns, notice_column):
    notices = add_items(notice_column, NoticePage, 3, prefix="公告")
    notices[0].unpublish()
    html = client.get("/").content.decode()
    assert "公告0001" in html and "公告0002" in html
    assert "公告0000" not in html


def test_home_without_content_shows_empty_states(client, home):
    html = client.get("/").content.decode()
    assert "暂无通知公告" in html


def test_home_has_search_box_navigation_and_service_entries(client, home_with_columns):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert 'aria-label="栏目导航"' in html
    nav = html[html.index('aria-label="栏目导航"') :]
    assert "政法要闻" in nav and "通知公告" in nav
    assert "书记信箱" in html and "法律服务绿色通道" in html


def count_home_queries(client):
    client.get("/")  # warm the per-process site root and settings caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def test_home_query_count_does_not_grow_with_articles_or_columns(client, home_with_columns, news_column):
    add_items(news_column, NewsPage, 10, prefix="甲")
    with_10 = count_home_queries(client)

    add_items(news_column, NewsPage, 490, prefix="乙")
    for number in range(3):
        column = add_column(home_with_columns, NewsColumnPage, f"栏目{number}", f"extra-{number}")
        HomeColumnSlot.objects.create(page=home_with_columns, column=column, count=6, sort_order=number + 1)
        add_items(column, NewsPage, 5, prefix=f"丙{number}")
    with_500 = count_home_queries(client)

    assert with_10 == with_500
    # 15 before issue 17; the other columns, 图片新闻 (with their renditions), 专题 banners and the 页头页脚
    # setting add a fixed number.
    assert with_500 <= 25


def test_banner_is_limited_to_five_slides(home, tmp_path):
    import io

    from PIL import Image as PILImage

    from django.core.exceptions import ValidationError
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from home.models import HomeBannerSlide

    buffer = io.BytesIO()
    PILImage.new("RGB", (120, 40), (200, 0, 0)).save(buffer, format="PNG")
    image = get_image_model().objects.create(title="横幅", file=ImageFile(buffer, name="banner.png"))
    for number in range(6):
        home.banner_slides.add(HomeBannerSlide(image=image, title=f"标语{number}"))
    with pytest.raises(ValidationError, match="最多 5 张"):
        home.full_clean()
