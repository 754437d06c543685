"""防邪课堂: lesson series, numbered lessons with main video or audio, and previous/next navigation."""

from datetime import timedelta

import pytest

from django.core.files.base import ContentFile

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtailmedia.models import get_media_model

from columns.plugins.lessons.models import (
    BOTH_MEDIA_MESSAGE,
    LESSON_NUMBER_MESSAGE,
    NOT_A_VIDEO_MESSAGE,
    NOT_AN_AUDIO_MESSAGE,
    LessonColumnPage,
    LessonPage,
    LessonSeriesPage,
    duplicate_lesson_message,
)
from columns.plugins.news.models import NewsColumnPage
from demo.columns import seed_column
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db


@pytest.fixture
def column(home):
    return add_column(home, LessonColumnPage, "防邪课堂", "fxkt")


def add_series(column, slug="sbxj", title="识别邪教 远离邪教"):
    series = column.add_child(instance=LessonSeriesPage(title=title, slug=slug, intro="三节短课。"))
    series.save_revision().publish()
    return series


@pytest.fixture
def series(column):
    return add_series(column)


def add_lesson(series, number, *, publish=True, **fields):
    lesson = series.add_child(
        instance=LessonPage(title=f"课程{number}", slug=f"{series.slug}-{number}", lesson_number=number, **fields)
    )
    if publish:
        lesson.save_revision().publish()
    else:
        lesson.unpublish()
    return lesson


@pytest.fixture
def media_files():
    media_model = get_media_model()
    video = media_model(title="识别邪教宣传片", type="video", width=640, height=360)
    video.file.save("shibie.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.save()
    audio = media_model(title="防邪广播第一期", type="audio")
    audio.file.save("guangbo.mp3", ContentFile(b"ID3\x03\x00\x00\x00"), save=False)
    audio.save()
    return video, audio


def admin_data(**overrides):
    data = {
        "title": "邪教的基本特征",
        "slug": "tezheng",
        "lesson_number": "1",
        "main_video": "",
        "main_audio": "",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>邪教神化首要分子。</p>"))]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(series):
    return f"/admin/pages/add/lessons/lessonpage/{series.pk}/"


def test_column_type_declarations():
    assert LessonColumnPage.planned is True
    assert LessonColumnPage.default_slug == "fxkt"
    assert LessonColumnPage.update_interval == timedelta(days=30)


def test_column_lives_under_the_home_page_once(home, column):
    assert LessonColumnPage in HomePage.allowed_subpage_models()
    assert not LessonColumnPage.can_create_at(home)


def test_series_live_only_in_the_column(home, column):
    other = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [LessonSeriesPage]
    assert LessonSeriesPage.can_create_at(column)
    assert not LessonSeriesPage.can_create_at(home)
    assert not LessonSeriesPage.can_create_at(other)


def test_lessons_live_only_in_a_series(home, column, series):
    other = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert series.allowed_subpage_models() == [LessonPage]
    assert LessonPage.can_create_at(series)
    assert not LessonPage.can_create_at(column)
    assert not LessonPage.can_create_at(home)
    assert not LessonPage.can_create_at(other)
    assert LessonPage.allowed_subpage_models() == []


def test_lessons_belong_to_the_column(column, series):
    assert add_lesson(series, 1).column_id == column.pk


def test_admin_creates_a_series(admin_client, column):
    response = admin_client.post(
        f"/admin/pages/add/lessons/lessonseriespage/{column.pk}/",
        {"title": "识别邪教 远离邪教", "slug": "sbxj", "intro": "三节短课。", "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert LessonSeriesPage.objects.get(slug="sbxj").live


def test_admin_publishes_a_lesson_with_a_video(admin_client, column, series, media_files):
    video, _audio = media_files
    response = admin_client.post(add_url(series), admin_data(main_video=video.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    lesson = LessonPage.objects.get(slug="tezheng")
    assert lesson.live and lesson.lesson_number == 1 and lesson.main_video == video
    assert lesson.column_id == column.pk


def test_admin_suggests_the_next_lesson_number(admin_client, series):
    add_lesson(series, 1)
    add_lesson(series, 2, publish=False)
    html = admin_client.get(add_url(series)).content.decode()
    assert 'name="lesson_number" value="3"' in html


def test_admin_refuses_a_duplicate_lesson_number(admin_client, series):
    add_lesson(series, 1)
    response = admin_client.post(add_url(series), admin_data(lesson_number="1"))
    assert response.status_code == 200
    assert duplicate_lesson_message(1) in response.content.decode()
    assert LessonPage.objects.count() == 1


def test_same_number_is_allowed_in_another_series(admin_client, column, series):
    add_lesson(series, 1)
    other = add_series(column, slug="fdxj", title="反对邪教 守护家庭")
    response = admin_client.post(add_url(other), admin_data(lesson_number="1"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert LessonPage.objects.child_of(other).get().lesson_number == 1


def test_admin_edits_a_lesson_keeping_its_number_but_not_taking_another(admin_client, series):
    first = add_lesson(series, 1)
    add_lesson(series, 2)
    url = f"/admin/pages/{first.pk}/edit/"
    response = admin_client.post(url, admin_data(title="邪教的基本特征（修订）", slug=first.slug))
    assert response.status_code == 302, response.content.decode()[:3000]
    first.refresh_from_db()
    assert first.title == "邪教的基本特征（修订）"
    response = admin_client.post(url, admin_data(slug=first.slug, lesson_number="2"))
    assert response.status_code == 200
    assert duplicate_lesson_message(2) in response.content.decode()
    first.refresh_from_db()
    assert first.lesson_number == 1


@pytest.mark.parametrize("number", ["0", "-1"])
def test_admin_refuses_a_lesson_number_below_one(admin_client, series, number):
    response = admin_client.post(add_url(series), admin_data(lesson_number=number))
    assert response.status_code == 200
    assert LESSON_NUMBER_MESSAGE in response.content.decode()
    assert not LessonPage.objects.exists()


@pytest.mark.parametrize(
    ("field", "kind", "message"),
    [("main_video", "audio", NOT_A_VIDEO_MESSAGE), ("main_audio", "video", NOT_AN_AUDIO_MESSAGE)],
)
def test_admin_refuses_the_wrong_media_type(admin_client, series, media_files, field, kind, message):
    video, audio = media_files
    response = admin_client.post(add_url(series), admin_data(**{field: (audio if kind == "audio" else video).pk}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LessonPage.objects.exists()


def test_admin_refuses_both_a_video_and_an_audio(admin_client, series, media_files):
    video, audio = media_files
    response = admin_client.post(add_url(series), admin_data(main_video=video.pk, main_audio=audio.pk))
    assert response.status_code == 200
    assert BOTH_MEDIA_MESSAGE in response.content.decode()
    assert not LessonPage.objects.exists()


def test_series_page_lists_lessons_in_number_order(client, series):
    for number in (3, 1, 2):
        add_lesson(series, number)
    add_lesson(series, 4, publish=False)
    html = client.get(series.url).content.decode()
    positions = [html.index(f"第{number}课") for number in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "第4课" not in html and "共3课" in html


def test_lesson_pages_link_previous_and_next_within_their_series(client, column, series):
    first, second, third = (add_lesson(series, number) for number in (1, 2, 3))
    add_lesson(series, 4, publish=False)
    other = add_series(column, slug="fdxj", title="反对邪教 守护家庭")
    add_lesson(other, 1)

    html = client.get(first.url).content.decode()
    assert "已是第一课" in html and f'href="{second.url}" rel="next">下一课：第2课' in html
    assert "第1课" in html and "识别邪教 远离邪教" in html

    html = client.get(second.url).content.decode()
    assert f'href="{first.url}" rel="prev">上一课：第1课' in html
    assert f'href="{third.url}" rel="next">下一课：第3课' in html

    html = client.get(third.url).content.decode()
    assert f'href="{second.url}" rel="prev">上一课' in html and "已是最后一课" in html


def test_lesson_page_plays_its_main_video_or_audio(client, series, media_files):
    video, audio = media_files
    with_video = add_lesson(series, 1, main_video=video)
    with_audio = add_lesson(series, 2, main_audio=audio)
    html = client.get(with_video.url).content.decode()
    assert "<video" in html and video.url in html
    html = client.get(with_audio.url).content.decode()
    assert "<audio" in html and audio.url in html and "<video" not in html


def test_column_lists_series_with_lesson_counts(client, column, series):
    for number in (1, 2, 3):
        add_lesson(series, number)
    add_lesson(series, 4, publish=False)
    other = add_series(column, slug="fdxj", title="反对邪教 守护家庭")
    add_lesson(other, 1)
    html = client.get(column.url).content.decode()
    assert "识别邪教 远离邪教" in html and "共3课" in html
    assert "反对邪教 守护家庭" in html and "共1课" in html


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无课程。" in response.content.decode()


def test_column_lists_series_a_page_at_a_time(client, column):
    for number in range(LessonColumnPage.items_per_page + 1):
        add_series(column, slug=f"s{number:02d}", title=f"系列{number:02d}")
    first = client.get(column.url).content.decode()
    assert "第 1 / 2 页" in first and "系列00" in first and "系列15" not in first
    assert "系列15" in client.get(column.url, {"page": 2}).content.decode()


def test_seed_demo_creates_one_series_of_three_lessons_once(client, column):
    seed_column(column)
    seed_column(column)
    series = LessonSeriesPage.objects.child_of(column).get()
    assert series.cover_image is not None
    assert list(series.lessons().values_list("lesson_number", flat=True)) == [1, 2, 3]
    assert "共3课" in client.get(column.url).content.decode()
    for lesson in series.lessons():
        assert client.get(lesson.url).status_code == 200
