"""法治先锋: profile cards, the 个人/集体 filter, profiles with deeds and honours, feed, print view, admin, demo."""

import io
from datetime import datetime, timedelta
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.management import call_command

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.pioneers.models import PHOTO_REQUIRED_MESSAGE, PioneerColumnPage, PioneerHonour, PioneerProfilePage
from columns.registry import get_column_types, register_column, unregister_column
from demo.columns import seed_column
from demo.columns.images import ensure_demo_image
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 5, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def column(home):
    return add_column(home, PioneerColumnPage, "法治先锋", "fzxf")


@pytest.fixture
def photo(db):
    return ensure_demo_image("测试照片：先锋", "pioneer-test", 300, 400)


def add_profile(column, slug, *, honours=(), **fields):
    values = {
        "title": f"先锋{slug}",
        "unit": "测试市人民检察院",
        "publish_date": NOW - timedelta(hours=1),
        "photo": ensure_demo_image("测试照片：先锋", "pioneer-test", 300, 400),
    }
    values.update(fields)
    profile = PioneerProfilePage(
        slug=slug, honours=[PioneerHonour(year=year, title=title) for year, title in honours], **values
    )
    column.add_child(instance=profile)
    profile.save_revision().publish()
    return profile


def card_names(html):
    """Names on the profile cards, in order."""
    return [chunk.split("</h2>", 1)[0] for chunk in html.split('<h2 class="pioneer-card__name">')[1:]]


# The plugin contract and the tree


def test_column_type_declarations():
    assert PioneerColumnPage in get_column_types()
    assert PioneerColumnPage.planned is True
    assert PioneerColumnPage.default_slug == "fzxf"
    assert PioneerColumnPage.column_name == "法治先锋"
    call_command("check", "columns", fail_level="ERROR")


def test_planned_column_can_be_created_under_the_home_page_once(home):
    assert PioneerColumnPage in HomePage.allowed_subpage_models()
    assert PioneerColumnPage.can_create_at(home)
    column = add_column(home, PioneerColumnPage, "法治先锋", "fzxf")
    assert not PioneerColumnPage.can_create_at(home)
    assert not PioneerColumnPage.can_create_at(column)


def test_unregistered_column_type_cannot_be_created(home):
    unregister_column(PioneerColumnPage)
    try:
        assert not PioneerColumnPage.can_create_at(home)
        assert PioneerColumnPage not in HomePage.allowed_subpage_models()
    finally:
        register_column(PioneerColumnPage)
    assert PioneerColumnPage.can_create_at(home)


def test_profiles_live_only_in_their_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == [PioneerProfilePage]
    assert PioneerProfilePage.can_create_at(column)
    assert not PioneerProfilePage.can_create_at(home)
    assert not PioneerProfilePage.can_create_at(news)
    assert not NewsPage.can_create_at(column)
    assert PioneerProfilePage.allowed_subpage_models() == []


# The column page


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    assert "本栏目暂无信息。" in response.content.decode()


def test_cards_show_photo_unit_position_and_latest_honour(client, column, photo):
    add_profile(
        column,
        "chen",
        title="陈晓云",
        photo=photo,
        unit="测试市河西街道人民调解委员会",
        position="专职人民调解员",
        honours=[(2024, "全省人民调解工作先进个人"), (2021, "测试市优秀人民调解员")],
    )
    add_profile(
        column,
        "team",
        title="青石派出所",
        kind="collective",
        unit="测试市公安局",
        position="",
        publish_date=NOW - timedelta(days=1),
    )
    html = client.get(column.url).content.decode()
    assert card_names(html) == ["陈晓云", "青石派出所"]  # newest first
    assert 'class="pioneer-card__photo"' in html and 'alt="陈晓云"' in html
    assert "测试市河西街道人民调解委员会 · 专职人民调解员" in html
    assert "2024年 全省人民调解工作先进个人" in html and "测试市优秀人民调解员" not in html
    assert '<p class="pioneer-card__unit">测试市公安局</p>' in html
    assert '<span class="pioneer-card__kind">集体</span>' in html


def test_latest_honour_is_by_year_then_listed_last(client, column):
    add_profile(column, "a", title="甲", honours=[(2025, "先列出的荣誉"), (2025, "后列出的荣誉"), (2020, "较早荣誉")])
    html = client.get(column.url).content.decode()
    assert "2025年 后列出的荣誉" in html and "先列出的荣誉" not in html


def test_filter_by_kind(client, column):
    add_profile(column, "person", title="刘明哲", kind="individual")
    add_profile(column, "team", title="青石派出所", kind="collective")
    html = client.get(column.url, {"kind": "collective"}).content.decode()
    assert card_names(html) == ["青石派出所"]
    assert 'aria-current="page">集体<' in html
    html = client.get(column.url, {"kind": "individual"}).content.decode()
    assert card_names(html) == ["刘明哲"]


def test_filter_without_profiles_says_so(client, column):
    add_profile(column, "person", title="刘明哲", kind="individual")
    html = client.get(column.url, {"kind": "collective"}).content.decode()
    assert card_names(html) == [] and "暂无集体先进典型。" in html


@pytest.mark.parametrize("kind", ["team", "", "<script>", "individual'--"])
def test_unknown_kinds_are_ignored(client, column, kind):
    add_profile(column, "person", title="刘明哲", kind="individual")
    add_profile(column, "team", title="青石派出所", kind="collective")
    response = client.get(column.url, {"kind": kind})
    assert response.status_code == 200
    assert sorted(card_names(response.content.decode())) == sorted(["刘明哲", "青石派出所"])


def test_listing_is_paged_keeping_the_filter(client, column):
    per_page = PioneerColumnPage.items_per_page
    for number in range(per_page + 2):
        add_profile(column, f"t{number:02d}", kind="collective", publish_date=NOW - timedelta(hours=1 + number))
    add_profile(column, "person", title="个人先锋", kind="individual", publish_date=NOW - timedelta(days=30))
    first = client.get(column.url, {"kind": "collective"}).content.decode()
    assert len(card_names(first)) == per_page
    assert card_names(first)[0] == "先锋t00" and "先锋t12" not in card_names(first)
    assert "第 1 / 2 页" in first and 'href="?page=2&amp;kind=collective"' in first
    second = client.get(column.url, {"kind": "collective", "page": "2"}).content.decode()
    assert card_names(second) == ["先锋t12", "先锋t13"]
    assert "个人先锋" not in second
    everything = client.get(column.url, {"page": "2"}).content.decode()
    assert "个人先锋" in everything and "第 2 / 2 页" in everything


def test_unpublished_profiles_are_not_listed(client, column):
    add_profile(column, "a", title="已发布先锋")
    add_profile(column, "b", title="已撤回先锋").unpublish()
    assert card_names(client.get(column.url).content.decode()) == ["已发布先锋"]


# The profile page


def test_profile_page_shows_facts_deeds_and_honours_in_order(client, column, photo):
    profile = add_profile(
        column,
        "liu",
        title="刘明哲",
        photo=photo,
        unit="测试市人民检察院",
        position="第四检察部主任",
        body=[("paragraph", "<p>办理涉未成年人案件三百余件。</p>")],
        honours=[(2020, "测试市优秀公诉人"), (2022, "全省未成年人检察业务标兵"), (2025, "测试市十佳政法干警")],
    )
    response = client.get(profile.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="pioneer-profile__photo"' in html and 'alt="刘明哲"' in html
    assert "<dt>姓名</dt><dd>刘明哲</dd>" in html and "<dt>工作单位</dt><dd>测试市人民检察院</dd>" in html
    assert "<dt>职务</dt><dd>第四检察部主任</dd>" in html
    assert "先进事迹" in html and "办理涉未成年人案件三百余件。" in html
    honours = html.split('class="pioneer-honours"', 1)[1].split("</ol>", 1)[0]
    assert (
        honours.index("测试市优秀公诉人")
        < honours.index("全省未成年人检察业务标兵")
        < honours.index("测试市十佳政法干警")
    )
    assert '<span class="pioneer-honours__year">2022年</span>全省未成年人检察业务标兵' in honours
    assert html.index("先进事迹") < html.index("所获荣誉")


def test_collective_profile_without_honours_deeds_or_position(client, column):
    profile = add_profile(column, "team", title="青石派出所", kind="collective", unit="测试市公安局", position="")
    html = client.get(profile.url).content.decode()
    assert "<dt>名称</dt><dd>青石派出所</dd>" in html and "<dt>所属单位</dt><dd>测试市公安局</dd>" in html
    assert "<dt>职务</dt>" not in html
    assert "所获荣誉" not in html and "先进事迹" not in html


def test_pages_still_render_when_the_photo_is_deleted_from_the_library(client, column, photo):
    profile = add_profile(column, "a", title="陈晓云", photo=photo)
    photo.delete()
    page = client.get(profile.url)
    assert page.status_code == 200 and "pioneer-profile__photo" not in page.content.decode()
    listing = client.get(column.url).content.decode()
    assert card_names(listing) == ["陈晓云"] and "pioneer-card__photo" not in listing


# Feed and print view


def test_feed_is_valid_rss_with_the_profiles(client, column):
    add_profile(column, "a", title="陈晓云", summary="扎根基层调解十二年。")
    add_profile(column, "b", title="刘明哲", publish_date=NOW - timedelta(days=2))
    response = client.get(f"/columns/{column.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["陈晓云", "刘明哲"]
    assert items[0].findtext("description") == "扎根基层调解十二年。"


def test_print_view_of_a_profile(client, column):
    body = [("paragraph", "<p>把调解室搬到小区楼道。</p>")]
    profile = add_profile(column, "a", title="陈晓云", body=body, honours=[(2025, "全国模范调解员")])
    assert f"/columns/item/{profile.pk}/print/" in client.get(profile.url).content.decode()
    response = client.get(f"/columns/item/{profile.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "陈晓云" in html and "把调解室搬到小区楼道。" in html and "page-print" in html
    assert "测试市人民检察院" in html and "全国模范调解员" in html, "unit and honours are on paper too"


# Admin


def admin_data(photo, **overrides):
    data = {
        "title": "陈晓云",
        "slug": "chen-xiaoyun",
        "kind": "individual",
        "unit": "测试市河西街道人民调解委员会",
        "position": "专职人民调解员",
        "photo": str(photo.pk) if photo else "",
        "honours": inline_formset(
            [{"year": "2021", "title": "测试市优秀人民调解员"}, {"year": "2024", "title": "全省人民调解工作先进个人"}]
        ),
        "publish_date": "2026-05-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([("paragraph", rich_text("<p>扎根基层调解十二年。</p>"))]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(column):
    return f"/admin/pages/add/pioneers/pioneerprofilepage/{column.pk}/"


def test_admin_form_names_the_fields_for_profiles(admin_client, column):
    html = admin_client.get(add_url(column)).content.decode()
    for label in ["姓名或集体名称", "先进事迹", "工作单位", "所获荣誉"]:
        assert label in html


def test_admin_publishes_a_profile_with_honours(admin_client, client, column, photo):
    response = admin_client.post(add_url(column), admin_data(photo))
    assert response.status_code == 302, response.content.decode()[:3000]
    profile = PioneerProfilePage.objects.get(slug="chen-xiaoyun")
    assert profile.live and profile.column_id == column.pk and profile.photo == photo
    assert [(honour.year, honour.title) for honour in profile.honours.all()] == [
        (2021, "测试市优秀人民调解员"),
        (2024, "全省人民调解工作先进个人"),
    ]
    html = client.get(profile.url).content.decode()
    assert "全省人民调解工作先进个人" in html


def test_admin_requires_a_photo(admin_client, column):
    response = admin_client.post(add_url(column), admin_data(None))
    assert response.status_code == 200
    assert PHOTO_REQUIRED_MESSAGE in response.content.decode()
    assert not PioneerProfilePage.objects.exists()


@pytest.mark.parametrize("year", ["1948", "2027"])
def test_admin_refuses_an_honour_year_out_of_range_and_saves_nothing(admin_client, column, photo, year):
    data = admin_data(photo, honours=inline_formset([{"year": year, "title": "某项荣誉"}]))
    response = admin_client.post(add_url(column), data)
    assert response.status_code == 200
    assert "年份应在1949年至2026年之间。" in response.content.decode()
    assert not PioneerProfilePage.objects.exists()
    assert not PioneerHonour.objects.exists()


def test_admin_edit_with_a_bad_honour_changes_nothing(admin_client, column, photo):
    profile = add_profile(column, "chen-xiaoyun", title="陈晓云", photo=photo, honours=[(2021, "原有荣誉")])
    data = admin_data(photo, title="改名", honours=inline_formset([{"year": "3000", "title": "新荣誉"}]))
    response = admin_client.post(f"/admin/pages/{profile.pk}/edit/", data)
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.title == "陈晓云"
    assert [honour.title for honour in profile.honours.all()] == ["原有荣誉"]


def test_admin_requires_the_unit(admin_client, column, photo):
    response = admin_client.post(add_url(column), admin_data(photo, unit=""))
    assert response.status_code == 200
    assert not PioneerProfilePage.objects.exists()


# Demo content


def test_seed_demo_creates_profiles_once(client, column):
    seed_column(column)
    profiles = PioneerProfilePage.objects.child_of(column)
    count = profiles.count()
    assert 3 <= count <= 5
    seed_column(column)
    assert profiles.count() == count
    assert {profile.kind for profile in profiles} == {"individual", "collective"}
    assert all(profile.photo_id and profile.honours.exists() for profile in profiles)
    listing = client.get(column.url).content.decode()
    for profile in profiles.live():
        assert profile.title in listing
        html = client.get(profile.url).content.decode()
        assert "所获荣誉" in html and profile.honours.first().title in html


def test_seed_demo_command_creates_the_planned_column_only_when_asked(monkeypatch, client):
    monkeypatch.setattr("demo.management.commands.seed_demo.get_column_types", lambda: [PioneerColumnPage])
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "demo-Pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    assert not PioneerColumnPage.objects.exists()
    call_command("seed_demo", "--planned", stdout=io.StringIO())
    column = PioneerColumnPage.objects.get()
    assert column.slug == "fzxf" and column.title == "法治先锋" and column.live
    count = PioneerProfilePage.objects.child_of(column).live().count()
    assert count >= 3
    pages = list(column.get_descendants().values_list("pk", "latest_revision_id"))
    call_command("seed_demo", "--planned", stdout=io.StringIO())
    assert list(column.get_descendants().values_list("pk", "latest_revision_id")) == pages
    assert client.get(column.url).status_code == 200
