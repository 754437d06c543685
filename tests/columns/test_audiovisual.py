"""影音政法: video and audio programmes with players, transcripts, a type filter and media-type validation."""

import datetime
import io
import re
import wave
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
import time_machine

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtailmedia.models import get_media_model

from columns.plugins.audiovisual.models import (
    DURATION_MESSAGE,
    NOT_A_VIDEO_MESSAGE,
    NOT_AN_AUDIO_MESSAGE,
    AudioPage,
    AudiovisualColumnPage,
    VideoPage,
)
from columns.plugins.news.models import NewsColumnPage, NewsPage
from demo.columns import seed_column
from demo.columns.images import ensure_demo_image
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=datetime.UTC)
TRANSCRIPT = "主持人：欢迎收听《法治时间》。\n\n律师：遇到欠薪，先保存好证据。"


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def column(home):
    return add_column(home, AudiovisualColumnPage, "影音政法", "yyzf")


def make_media(media_type, title=None, **fields):
    media = get_media_model()(title=title or f"测试{media_type}", type=media_type, **fields)
    name, content = ("clip.mp4", b"\x00\x00\x00\x18ftypmp42") if media_type == "video" else ("clip.mp3", b"ID3\x03")
    media.file.save(name, ContentFile(content), save=False)
    media.save()
    return media


@pytest.fixture
def video_file():
    return make_media("video", "调解纪实视频", width=640, height=360, duration=125.4)


@pytest.fixture
def audio_file():
    return make_media("audio", "法治广播音频", duration=61)


def add_programme(column, model, media, slug, *, minutes_ago=0, **fields):
    values = {"title": f"节目{slug}", "transcript": TRANSCRIPT}
    values.update(fields)
    programme = column.add_child(
        instance=model(slug=slug, media=media, publish_date=timezone.now() - timedelta(minutes=minutes_ago), **values)
    )
    programme.save_revision().publish()
    return programme


def admin_data(chosen, **overrides):
    data = {
        "title": "“枫桥式”调解纪实",
        "slug": "fengqiao",
        "media": chosen.pk,
        "cover_image": "",
        "duration": "",
        "transcript": TRANSCRIPT,
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>节目简介。</p>"))]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


def add_url(model, column):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{column.pk}/"


# Parents and children


def test_column_type_declarations():
    assert AudiovisualColumnPage.column_name == "影音政法"
    assert AudiovisualColumnPage.default_slug == "yyzf"
    assert AudiovisualColumnPage.update_interval > timedelta(0)


def test_column_lives_under_the_home_page_once(home, column):
    assert AudiovisualColumnPage in HomePage.allowed_subpage_models()
    assert not AudiovisualColumnPage.can_create_at(home)
    assert not AudiovisualColumnPage.can_create_at(column)


def test_programmes_live_only_in_the_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [VideoPage, AudioPage]
    for model in (VideoPage, AudioPage):
        assert model.can_create_at(column)
        assert not model.can_create_at(home)
        assert not model.can_create_at(news)
        assert model.allowed_subpage_models() == []
    assert not NewsPage.can_create_at(column)


# Admin: publishing and the media-type rule


def test_admin_publishes_a_video(admin_client, column, video_file):
    response = admin_client.post(add_url(VideoPage, column), admin_data(video_file, duration="3:25"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = VideoPage.objects.get(slug="fengqiao")
    assert page.live and page.media == video_file and page.column_id == column.pk
    assert page.duration == timedelta(minutes=3, seconds=25)


def test_admin_publishes_an_audio(admin_client, column, audio_file):
    response = admin_client.post(add_url(AudioPage, column), admin_data(audio_file, slug="qianxin"))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = AudioPage.objects.get(slug="qianxin")
    assert page.live and page.media == audio_file and page.column_id == column.pk


@pytest.mark.parametrize("action", ["action-publish", None])
def test_admin_refuses_an_audio_file_on_a_video_page(admin_client, column, audio_file, action):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    response = admin_client.post(add_url(VideoPage, column), admin_data(audio_file, **{"action-publish": action}))
    assert response.status_code == 200
    assert NOT_A_VIDEO_MESSAGE in response.content.decode()
    assert not VideoPage.objects.exists()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


@pytest.mark.parametrize("action", ["action-publish", None])
def test_admin_refuses_a_video_file_on_an_audio_page(admin_client, column, video_file, action):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    response = admin_client.post(add_url(AudioPage, column), admin_data(video_file, **{"action-publish": action}))
    assert response.status_code == 200
    assert NOT_AN_AUDIO_MESSAGE in response.content.decode()
    assert not AudioPage.objects.exists()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_admin_refuses_to_switch_a_video_page_to_an_audio_file(admin_client, column, video_file, audio_file):
    page = add_programme(column, VideoPage, video_file, "v")
    revisions = Revision.objects.count()
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", admin_data(audio_file, slug="v", title="改了标题"))
    assert response.status_code == 200
    assert NOT_A_VIDEO_MESSAGE in response.content.decode()
    page.refresh_from_db()
    assert page.media == video_file and page.title == "节目v"
    assert Revision.objects.count() == revisions


def test_admin_requires_a_transcript_and_a_media_file_to_publish(admin_client, column, video_file):
    response = admin_client.post(add_url(VideoPage, column), admin_data(video_file, transcript=""))
    assert response.status_code == 200
    response = admin_client.post(add_url(VideoPage, column), admin_data(video_file, media=""))
    assert response.status_code == 200
    assert not VideoPage.objects.exists()


@pytest.mark.parametrize("duration", ["0:00", "-1:00"])
def test_admin_refuses_a_duration_that_is_not_positive(admin_client, column, video_file, duration):
    response = admin_client.post(add_url(VideoPage, column), admin_data(video_file, duration=duration))
    assert response.status_code == 200
    assert DURATION_MESSAGE in response.content.decode()
    assert not VideoPage.objects.exists()


@pytest.mark.parametrize(("model", "media_type"), [(VideoPage, "video"), (AudioPage, "audio")])
def test_admin_media_chooser_offers_only_the_page_media_type(admin_client, column, model, media_type):
    form = admin_client.get(add_url(model, column)).content.decode()
    chooser = re.search(r'"fieldName": "media", "widget": \{.*?data-chooser-url=\\"([^\\"]+)\\"', form)
    assert chooser and chooser.group(1) == f"/admin/media/chooser/{media_type}/"


# The programme pages


def test_video_page_has_an_html5_player_with_poster_and_transcript(client, column, video_file):
    cover = ensure_demo_image("示范封面：调解纪实", "cover", 960, 540)
    page = add_programme(
        column, VideoPage, video_file, "v", cover_image=cover, source="测试市委政法委", author="陈晓峰", editor="王芳"
    )
    html = client.get(page.url).content.decode()
    assert '<video controls preload="metadata"' in html
    assert 'poster="/media/images/' in html and 'width="640" height="360"' in html
    assert f'<source src="{video_file.url}" type="video/mp4">' in html
    assert '<section class="av-transcript" id="transcript"' in html and '<a href="#transcript">阅读文字稿</a>' in html
    assert "<p>主持人：欢迎收听《法治时间》。</p>" in html and "<p>律师：遇到欠薪，先保存好证据。</p>" in html
    assert f'<a href="{video_file.url}" download>下载视频（MP4，' in html
    assert '<span class="av-badge av-badge--video">视频</span> 时长 <time datetime="PT125S">2:05</time>' in html
    for text in ["来源：测试市委政法委", "作者：陈晓峰", "编辑：王芳", "发布时间：<time"]:
        assert text in html


def test_audio_page_has_an_html5_audio_player(client, column, audio_file):
    page = add_programme(column, AudioPage, audio_file, "a", duration=timedelta(minutes=62, seconds=3))
    html = client.get(page.url).content.decode()
    assert '<audio controls preload="metadata"' in html and "<video" not in html
    assert f'<source src="{audio_file.url}" type="audio/mpeg">' in html
    assert '<span class="av-badge av-badge--audio">音频</span> 时长 <time datetime="PT3723S">1:02:03</time>' in html
    assert 'id="transcript"' in html and "来源：中共测试市委政法委员会" in html


def test_programme_lists_its_attachments(client, column, audio_file):
    document = get_document_model()(title="节目文字稿")
    document.file.save("wenzigao.pdf", ContentFile(b"%PDF-1.4 test"), save=False)
    document.save()
    page = add_programme(column, AudioPage, audio_file, "a")
    page.attachments = [("attachment", {"document": document, "title": "文字稿（PDF）"})]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'id="attachments-heading">附件</h2>' in html and "文字稿（PDF）" in html


def test_programme_whose_media_was_deleted_still_renders_its_transcript(client, column, video_file):
    page = add_programme(column, VideoPage, video_file, "v")
    video_file.delete()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "媒体文件暂时无法播放，请阅读下方文字稿。" in html and "律师：遇到欠薪" in html
    assert "<video" not in html


def test_programme_whose_file_is_missing_from_storage_still_renders(client, column, video_file):
    page = add_programme(column, VideoPage, video_file, "v")
    video_file.file.storage.delete(video_file.file.name)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "下载视频（MP4）" in response.content.decode()


def test_programme_print_view(client, column, video_file):
    page = add_programme(column, VideoPage, video_file, "v", title="调解纪实", author="陈晓峰")
    assert f'href="/columns/item/{page.pk}/print/"' in client.get(page.url).content.decode()
    response = client.get(f"/columns/item/{page.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "调解纪实" in html and "作者：陈晓峰" in html and "原文网址：http://testserver/yyzf/v/" in html
    assert "文字稿" in html and TRANSCRIPT.splitlines()[0] in html


# The column page


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无影音节目。" in response.content.decode()


def test_listing_shows_badge_cover_and_duration(client, column, video_file, audio_file):
    cover = ensure_demo_image("示范封面：调解纪实", "cover", 960, 540)
    add_programme(column, VideoPage, video_file, "v", title="调解纪实", cover_image=cover)
    add_programme(column, AudioPage, audio_file, "a", title="法治广播", minutes_ago=5)
    html = client.get(column.url).content.decode()
    assert html.index("调解纪实") < html.index("法治广播")
    assert '<span class="av-badge av-badge--video">视频</span>' in html
    assert '<span class="av-badge av-badge--audio">音频</span>' in html
    assert '<span class="av-card__duration">2:05</span>' in html
    assert '<span class="av-card__duration">1:01</span>' in html
    assert html.count('src="/media/images/') == 1
    assert "av-card__placeholder--audio" in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [({"type": "video"}, "调解纪实", "法治广播"), ({"type": "audio"}, "法治广播", "调解纪实")],
)
def test_listing_filters_by_media_type(client, column, video_file, audio_file, query, shown, hidden):
    add_programme(column, VideoPage, video_file, "v", title="调解纪实")
    add_programme(column, AudioPage, audio_file, "a", title="法治广播")
    html = client.get(column.url, query).content.decode()
    assert shown in html and hidden not in html
    assert f'<a href="?type={query["type"]}" aria-current="page">' in html


@pytest.mark.parametrize("query", [{"type": "nonsense"}, {"type": ""}, {"type": "VIDEO"}, {"page": "x"}])
def test_unknown_type_filter_shows_everything(client, column, video_file, audio_file, query):
    add_programme(column, VideoPage, video_file, "v", title="调解纪实")
    add_programme(column, AudioPage, audio_file, "a", title="法治广播")
    response = client.get(column.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "调解纪实" in html and "法治广播" in html
    assert f'<a href="{column.url}" aria-current="page">全部</a>' in html


def test_filtered_listing_has_its_own_empty_state(client, column, video_file):
    add_programme(column, VideoPage, video_file, "v")
    assert "本栏目暂无音频节目。" in client.get(column.url, {"type": "audio"}).content.decode()


def test_pagination_keeps_the_type_filter(client, column, video_file, audio_file):
    per_page = AudiovisualColumnPage.items_per_page
    for number in range(per_page + 1):
        add_programme(column, VideoPage, video_file, f"v{number:02d}", title=f"视频{number:02d}", minutes_ago=number)
    add_programme(column, AudioPage, audio_file, "a", title="音频节目")
    first = client.get(column.url, {"type": "video"}).content.decode()
    assert f"共 {per_page + 1} 条" in first and 'href="?page=2&amp;type=video"' in first
    second = client.get(column.url, {"type": "video", "page": "2"}).content.decode()
    assert f"视频{per_page:02d}" in second and "音频节目" not in second and "视频00" not in second


def test_listing_queries_do_not_grow_with_the_number_of_programmes(client, column, video_file, audio_file):
    cover = ensure_demo_image("示范封面", "cover", 960, 540)
    add_programme(column, VideoPage, video_file, "v0", cover_image=cover)
    add_programme(column, AudioPage, audio_file, "a0", cover_image=cover)
    client.get(column.url)  # renditions are created on the first view
    with CaptureQueriesContext(connection) as few:
        client.get(column.url)
    for number in range(1, 6):
        add_programme(column, VideoPage, video_file, f"v{number}", cover_image=cover)
        add_programme(column, AudioPage, audio_file, f"a{number}")
    client.get(column.url)
    with CaptureQueriesContext(connection) as many:
        client.get(column.url)
    assert len(many.captured_queries) == len(few.captured_queries)


def test_column_feed_is_valid_rss_with_both_media_types(client, column, video_file, audio_file):
    add_programme(column, VideoPage, video_file, "v", title="调解纪实")
    add_programme(column, AudioPage, audio_file, "a", title="法治广播", minutes_ago=5)
    response = client.get(f"/columns/{column.pk}/feed/")
    assert response.status_code == 200
    channel = ET.fromstring(response.content).find("channel")
    assert [item.findtext("title") for item in channel.findall("item")] == ["调解纪实", "法治广播"]
    assert channel.find("item").findtext("link") == "http://testserver/yyzf/v/"


# Demo content


def test_seed_demo_fills_the_column_once_with_playable_files(client, column):
    seed_column(column)
    videos = VideoPage.objects.child_of(column).live()
    audios = AudioPage.objects.child_of(column).live()
    assert videos.count() >= 2 and audios.count() >= 2
    counts = (videos.count(), audios.count(), get_media_model().objects.count())
    seed_column(column)
    assert (videos.count(), audios.count(), get_media_model().objects.count()) == counts
    for page in [*videos, *audios]:
        assert page.transcript and page.cover_image_id and page.column_id == column.pk
        html = client.get(page.url).content.decode()
        assert 'preload="metadata"' in html and "文字稿" in html
    audio = audios.first().media
    with audio.file.open("rb") as handle, wave.open(io.BytesIO(handle.read())) as recording:
        assert recording.getnframes() / recording.getframerate() == audio.duration > 0
    video = videos.first().media
    with video.file.open("rb") as handle:
        data = handle.read()
    assert video.type == "video" and video.file.name.endswith(".mp4")
    assert data[4:8] == b"ftyp" and b"avcC" in data and b"mdat" in data
    listing = client.get(column.url).content.decode()
    assert "av-badge--video" in listing and "av-badge--audio" in listing
