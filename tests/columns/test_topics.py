"""专题专栏: topics with a period and derived status, their paginated articles, and articles two levels deep."""

import datetime
import io
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.topics.models import (
    END_BEFORE_START_MESSAGE,
    TopicArticlePage,
    TopicColumnPage,
    TopicPage,
)
from demo.columns import seed_column
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def column(home):
    return add_column(home, TopicColumnPage, "专题专栏", "ztzl")


def add_topic(column, slug, *, start=None, end=None, title=None, publish=True):
    topic = column.add_child(
        instance=TopicPage(
            title=title or f"专题{slug}",
            slug=slug,
            intro=f"{slug}的专题简介。",
            start_date=start or TODAY - timedelta(days=30),
            end_date=end,
            live=publish,
        )
    )
    if publish:
        topic.save_revision().publish()
    return topic


def add_articles(topic, count, *, prefix="文章", **fields):
    articles = []
    for index in range(count):
        article = topic.add_child(
            instance=TopicArticlePage(
                title=f"{prefix}{index:04d}",
                slug=f"{topic.slug}-{index:04d}",
                publish_date=timezone.now() - timedelta(hours=index),
                **fields,
            )
        )
        article.save_revision().publish()
        articles.append(article)
    return articles


@pytest.fixture
def topic(column):
    return add_topic(column, "saohei", title="常态化扫黑除恶")


def topic_data(**overrides):
    data = {
        "title": "宪法宣传周",
        "slug": "xianfa",
        "intro": "集中开展宪法宣传教育。",
        "banner_image": "",
        "start_date": "2026-03-01",
        "end_date": "2026-03-31",
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def article_data(**overrides):
    data = {
        "title": "宪法宣传进社区",
        "slug": "jinshequ",
        "publish_date": "2026-03-10 09:00",
        "source": "测试市司法局",
        "author": "王珂",
        "editor": "李编辑",
        "summary": "",
        "lead_image": "",
        "body": streamfield([("paragraph", rich_text("<p>普法志愿者走进社区。</p>"))]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


# Parents and children


def test_column_type_declarations():
    assert TopicColumnPage.column_name == "专题专栏"
    assert TopicColumnPage.default_slug == "ztzl"
    assert TopicColumnPage.update_interval == timedelta(days=183)


def test_column_lives_under_the_home_page_once(home, column):
    assert TopicColumnPage in HomePage.allowed_subpage_models()
    assert not TopicColumnPage.can_create_at(home)
    assert not TopicColumnPage.can_create_at(column)


def test_topics_live_only_in_the_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [TopicPage]
    assert TopicPage.can_create_at(column)
    assert not TopicPage.can_create_at(home)
    assert not TopicPage.can_create_at(news)


def test_articles_live_only_in_a_topic(home, column, topic):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert topic.allowed_subpage_models() == [TopicArticlePage]
    assert TopicArticlePage.can_create_at(topic)
    assert not TopicArticlePage.can_create_at(column)
    assert not TopicArticlePage.can_create_at(home)
    assert not TopicArticlePage.can_create_at(news)
    assert not NewsPage.can_create_at(topic)
    assert TopicArticlePage.allowed_subpage_models() == []


def test_admin_offers_only_topics_under_the_column(admin_client, column):
    response = admin_client.get(f"/admin/pages/{column.pk}/add_subpage/")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/add/topics/topicpage/{column.pk}/"
    response = admin_client.post(f"/admin/pages/add/topics/topicarticlepage/{column.pk}/", article_data())
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not TopicArticlePage.objects.exists()


# Articles two levels deep still belong to the column


def test_articles_belong_to_the_column(column, topic):
    assert add_articles(topic, 1)[0].column_id == column.pk


def test_admin_publishes_an_article_that_belongs_to_the_column(admin_client, column, topic):
    response = admin_client.post(f"/admin/pages/add/topics/topicarticlepage/{topic.pk}/", article_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    article = TopicArticlePage.objects.get(slug="jinshequ")
    assert article.live and article.column_id == column.pk


def test_moving_a_topic_moves_its_articles_to_the_new_column(home, column, topic):
    article = add_articles(topic, 1)[0]
    other = home.add_child(instance=TopicColumnPage(title="另一个专题栏目", slug="ztzl2"))
    topic.move(other, pos="last-child")
    article.refresh_from_db()
    assert article.column_id == other.pk


def test_column_feed_carries_the_topic_articles_as_valid_rss(client, column, topic):
    other = add_topic(column, "xianfa")
    add_articles(topic, 2, prefix="扫黑")
    add_articles(other, 1, prefix="宪法")
    response = client.get(f"/columns/{column.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("专题专栏")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert sorted(titles) == ["宪法0000", "扫黑0000", "扫黑0001"]
    links = [item.findtext("link") for item in channel.findall("item")]
    assert "http://testserver/ztzl/saohei/saohei-0000/" in links


def test_topic_page_links_the_column_feed(client, column, topic):
    html = client.get(topic.url).content.decode()
    assert f'href="/columns/{column.pk}/feed/"' in html and "application/rss+xml" in html


# The article page


def test_article_shows_the_item_facts_attachments_and_its_topic(client, column, topic):
    document = get_document_model()(title="宣传提纲")
    document.file.save("tigang.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    article = add_articles(topic, 1, source="测试市司法局", author="王珂", editor="李编辑")[0]
    article.attachments = [("attachment", {"document": document, "title": "宣传提纲（下载）"})]
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    for text in ["来源：测试市司法局", "作者：王珂", "编辑：李编辑", "发布时间：<time", "附件", "宣传提纲（下载）"]:
        assert text in html
    assert f'所属专题：<a href="{topic.url}">常态化扫黑除恶</a>' in html
    assert '<span class="topic-status topic-status--ongoing">进行中</span>' in html
    breadcrumbs = html[html.index('class="breadcrumbs"') : html.index("</nav>", html.index('class="breadcrumbs"'))]
    assert "专题专栏" in breadcrumbs and "常态化扫黑除恶" in breadcrumbs


def test_article_without_source_shows_the_site_name(client, topic):
    article = add_articles(topic, 1)[0]
    assert "来源：中共测试市委政法委员会" in client.get(article.url).content.decode()


def test_article_print_view(client, topic):
    article = add_articles(topic, 1, prefix="打印", author="王珂")[0]
    assert f'href="/columns/item/{article.pk}/print/"' in client.get(article.url).content.decode()
    response = client.get(f"/columns/item/{article.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "打印0000" in html and "作者：王珂" in html
    assert "原文网址：http://testserver/ztzl/saohei/saohei-0000/" in html


# The topic page


def test_topic_page_lists_its_live_articles_newest_first(client, column, topic):
    other = add_topic(column, "xianfa")
    add_articles(topic, 2, prefix="扫黑")
    add_articles(other, 1, prefix="宪法")
    draft = topic.add_child(instance=TopicArticlePage(title="草稿文章", slug="draft", live=False))
    html = client.get(topic.url).content.decode()
    assert html.index("扫黑0000") < html.index("扫黑0001")
    assert "宪法0000" not in html and draft.title not in html
    assert "常态化扫黑除恶" in html and "saohei的专题简介。" in html


def test_topic_page_paginates_its_articles(client, topic):
    add_articles(topic, TopicPage.articles_per_page + 2, prefix="扫黑")
    first = client.get(topic.url).content.decode()
    assert "扫黑0000" in first and "扫黑0014" in first and "扫黑0015" not in first
    assert "第 1 / 2 页，共 17 条" in first
    second = client.get(topic.url, {"page": 2}).content.decode()
    assert "扫黑0015" in second and "扫黑0016" in second and "扫黑0000" not in second
    for bad_page in ["0", "999", "abc"]:
        assert client.get(topic.url, {"page": bad_page}).status_code == 200


def test_empty_topic_shows_an_empty_state(client, topic):
    assert "本专题暂无文章。" in client.get(topic.url).content.decode()


def test_topic_page_shows_its_period_and_banner(client, column):
    from demo.columns.images import ensure_demo_image

    banner = ensure_demo_image("专题横幅", "banner", 1200, 300)
    topic = add_topic(column, "xianfa", start=datetime.date(2026, 3, 1), end=datetime.date(2026, 3, 31))
    topic.banner_image = banner
    topic.save_revision().publish()
    html = client.get(topic.url).content.decode()
    assert "专题时间：" in html and "2026年3月1日" in html and "至" in html and "2026年3月31日" in html
    assert 'class="topic-header__banner"' in html


# Status derived from the dates


@pytest.mark.parametrize(
    ("end", "status"),
    [(None, "进行中"), (TODAY + timedelta(days=1), "进行中"), (TODAY, "进行中"), (TODAY - timedelta(days=1), "已结束")],
)
def test_status_follows_the_end_date(client, column, end, status):
    topic = add_topic(column, "t", end=end)
    assert topic.status == status
    assert f">{status}</span>" in client.get(topic.url).content.decode()
    assert f">{status}</span>" in client.get(column.url).content.decode()


def test_status_changes_by_itself_when_the_end_date_passes(client, column):
    topic = add_topic(column, "t", end=TODAY)
    assert "进行中" in client.get(topic.url).content.decode()
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        html = client.get(topic.url).content.decode()
        assert "已结束" in html and "本专题已结束" in html


def test_topic_without_end_date_is_long_term(client, column):
    topic = add_topic(column, "t", start=datetime.date(2026, 1, 5))
    assert "2026年1月5日</time>起（长期）" in client.get(topic.url).content.decode()


def test_admin_refuses_an_end_date_before_the_start_date(admin_client, column):
    response = admin_client.post(
        f"/admin/pages/add/topics/topicpage/{column.pk}/", topic_data(start_date="2026-03-10", end_date="2026-03-09")
    )
    assert response.status_code == 200
    assert END_BEFORE_START_MESSAGE in response.content.decode()
    assert not TopicPage.objects.exists()


def test_admin_creates_a_topic(admin_client, column):
    response = admin_client.post(f"/admin/pages/add/topics/topicpage/{column.pk}/", topic_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    topic = TopicPage.objects.get(slug="xianfa")
    assert topic.live and topic.start_date == datetime.date(2026, 3, 1) and topic.status == "进行中"


# The column page


def test_empty_column_shows_an_empty_state(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无专题。" in response.content.decode()


def test_column_lists_ongoing_topics_first_with_their_article_count(client, column):
    ended = add_topic(
        column, "ended", title="已办完的专题", start=TODAY - timedelta(days=5), end=TODAY - timedelta(days=1)
    )
    old = add_topic(column, "old", title="早开始的专题", start=TODAY - timedelta(days=300))
    new = add_topic(column, "new", title="新开始的专题", start=TODAY - timedelta(days=2), end=TODAY + timedelta(days=9))
    add_topic(column, "draft", title="草稿专题", publish=False)
    add_articles(new, 3)
    add_articles(ended, 1)
    html = client.get(column.url).content.decode()
    assert html.index(new.title) < html.index(old.title) < html.index(ended.title)
    assert "草稿专题" not in html
    assert "共3篇" in html and "共1篇" in html and "共0篇" in html


def test_column_paginates_topics(client, column):
    for number in range(TopicColumnPage.items_per_page + 1):
        add_topic(column, f"t{number:02d}", title=f"专题{number:02d}", start=TODAY - timedelta(days=number))
    first = client.get(column.url).content.decode()
    assert "专题00" in first and "专题14" in first and "专题15" not in first
    assert "第 1 / 2 页，共 16 条" in first
    second = client.get(column.url, {"page": 2}).content.decode()
    assert "专题15" in second and "专题00" not in second


# Demo content


def test_seed_demo_fills_the_column_once(client, column):
    seed_column(column)
    topics = TopicPage.objects.child_of(column).live()
    articles = TopicArticlePage.objects.descendant_of(column).live()
    assert topics.count() >= 2 and articles.count() >= 4
    assert {topic.status for topic in topics} == {"进行中", "已结束"}
    assert all(article.column_id == column.pk for article in articles)
    counts = (topics.count(), articles.count())
    seed_column(column)
    assert (topics.count(), articles.count()) == counts
    assert client.get(column.url).status_code == 200
    for page in [*topics, *articles]:
        assert client.get(page.url).status_code == 200
    channel = ET.fromstring(client.get(f"/columns/{column.pk}/feed/").content).find("channel")
    assert len(channel.findall("item")) == articles.count()


def test_seed_demo_command_creates_and_fills_the_column(client, home):
    call_command("seed_demo", stdout=io.StringIO())
    column = TopicColumnPage.objects.get()
    assert column.title == "专题专栏" and column.slug == "ztzl" and column.live
    assert TopicArticlePage.objects.filter(column=column).live().exists()
    assert "常态化扫黑除恶斗争" in client.get(column.url).content.decode()
