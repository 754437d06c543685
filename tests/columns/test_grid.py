"""网格服务: the street → community → grid directory, the grid lookup, grid pages, feed, print view, admin and demo."""

import io
from xml.etree import ElementTree

import pytest

from django.core.management import call_command

from wagtail.test.utils.form_data import nested_form_data, streamfield

from columns.models import ColumnPage
from columns.plugins.grid.models import (
    EMPTY_QUERY_MESSAGE,
    QUERY_MAX_LENGTH,
    QUERY_TOO_LONG_MESSAGE,
    CommunityPage,
    GridColumnPage,
    GridPage,
    StreetPage,
)
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.registry import get_column_types, register_column, unregister_column
from demo.columns.images import ensure_demo_image
from home.models import HomePage
from tests.columns.helpers import add_column

pytestmark = pytest.mark.django_db

PHONE_MESSAGE = "请输入有效的电话号码"
NO_MATCH = "没有找到与“{query}”相关的网格。"


@pytest.fixture
def column(home):
    return add_column(home, GridColumnPage, "网格服务", "wgfw")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_street(column, title, slug, **fields):
    return publish(column, StreetPage(title=title, slug=slug, **fields))


def add_community(street, title, slug, **fields):
    return publish(street, CommunityPage(title=title, slug=slug, **fields))


def add_grid(community, title, slug, **fields):
    values = {"worker_name": "张三", "worker_phone": "13800000001", "area": "示例小区1—5幢"}
    values.update(fields)
    return publish(community, GridPage(title=title, slug=slug, **values))


@pytest.fixture
def directory(column):
    """Two streets, three communities (one without grids yet) and three grids."""
    chengnan = add_street(column, "城南街道", "chengnan", intro="城南街道办事处：南门大街66号。")
    nanmen = add_community(chengnan, "南门社区", "nanmen", intro="社区服务中心：南门大街70号。")
    wenchang = add_community(chengnan, "文昌社区", "wenchang")
    hexi = add_street(column, "河西街道", "hexi")
    liuan = add_community(hexi, "柳岸社区", "liuan")
    grids = {
        "nanmen-1": add_grid(
            nanmen,
            "南门社区第一网格",
            "nanmen-1",
            grid_number="CN-NM-01",
            worker_name="何丽华",
            worker_phone="13800000301",
            area="南门小区1—9幢；南门大街1号至65号。",
        ),
        "nanmen-2": add_grid(
            nanmen,
            "南门社区第二网格",
            "nanmen-2",
            worker_name="冯国强",
            worker_phone="0571-88000302",
            area="城南花园全部楼栋；解放路2号至48号。",
        ),
        "liuan-1": add_grid(
            liuan,
            "柳岸社区第一网格",
            "liuan-1",
            grid_number="HX-LA-01",
            worker_name="周丽娟",
            worker_phone="13800000101",
            area="柳岸小区1—12幢；滨江路88号至120号沿街商铺。",
        ),
    }
    return {
        "streets": {"chengnan": chengnan, "hexi": hexi},
        "communities": {"nanmen": nanmen, "wenchang": wenchang, "liuan": liuan},
        "grids": grids,
    }


def lookup(client, column, query, **params):
    response = client.get(column.url, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def found_grids(html):
    """Titles of the grids in the lookup results, in order."""
    titles = ["南门社区第一网格", "南门社区第二网格", "柳岸社区第一网格"]
    results = html.split('class="grid-results__list"', 1)
    if len(results) == 1:
        return []
    section = results[1].split("</ul>", 1)[0]
    return [title for title in titles if title in section]


# The plugin contract: a planned column type, switched on by registering it


def test_column_type_declarations():
    assert GridColumnPage in get_column_types()
    assert GridColumnPage.planned is True
    assert GridColumnPage.default_slug == "wgfw"
    assert GridColumnPage.column_name == "网格服务"
    call_command("check", "columns", fail_level="ERROR")


def test_planned_column_can_be_created_under_the_home_page_once(home):
    assert GridColumnPage in HomePage.allowed_subpage_models()
    assert GridColumnPage.can_create_at(home)
    column = add_column(home, GridColumnPage, "网格服务", "wgfw")
    assert not GridColumnPage.can_create_at(home)
    assert not GridColumnPage.can_create_at(column)


def test_unregistered_column_type_cannot_be_created(home):
    unregister_column(GridColumnPage)
    try:
        assert not GridColumnPage.can_create_at(home)
        assert GridColumnPage not in HomePage.allowed_subpage_models()
    finally:
        register_column(GridColumnPage)
    assert GridColumnPage.can_create_at(home)


def test_the_tree_is_street_community_grid(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    street = add_street(column, "城南街道", "chengnan")
    community = add_community(street, "南门社区", "nanmen")
    assert column.allowed_subpage_models() == [StreetPage]
    assert StreetPage.can_create_at(column)
    assert street.allowed_subpage_models() == [CommunityPage]
    assert CommunityPage.can_create_at(street)
    assert community.allowed_subpage_models() == [GridPage]
    assert GridPage.can_create_at(community)
    assert GridPage.allowed_subpage_models() == []
    for model in (StreetPage, CommunityPage, GridPage):
        assert not model.can_create_at(home)
        assert not model.can_create_at(news)
    assert not StreetPage.can_create_at(street)
    assert not CommunityPage.can_create_at(column)
    assert not GridPage.can_create_at(street) and not GridPage.can_create_at(column)
    assert not NewsPage.can_create_at(column)


def test_grid_records_its_column(directory, column):
    grid = directory["grids"]["liuan-1"]
    assert grid.column_id == column.pk
    assert ColumnPage.objects.get(pk=grid.column_id).specific == column


# The column page: directory


def test_empty_column_renders_an_empty_directory(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "查找我的网格员" in html
    assert "网格目录正在整理中" in html
    assert "grid-results" not in html


def directory_section(html):
    """The directory part of the column page (the search box's placeholder also names places)."""
    return html.split('class="grid-directory"', 1)[1]


def test_directory_lists_streets_and_communities_with_grid_counts(client, column, directory):
    html = directory_section(client.get(column.url).content.decode())
    assert html.index("城南街道") < html.index("南门社区") < html.index("文昌社区") < html.index("河西街道")
    assert html.index("河西街道") < html.index("柳岸社区")
    assert '城南街道</a> <span class="grid-directory__count">2个网格</span>' in html
    assert '南门社区</a> <span class="grid-directory__count">2个网格</span>' in html
    assert '文昌社区</a> <span class="grid-directory__count">暂未划分网格</span>' in html
    assert f'href="{directory["communities"]["nanmen"].url}"' in html
    assert "周丽娟" not in html  # workers are on the community and grid pages, not in the directory


def test_directory_and_lookup_leave_out_unpublished_streets_and_grids(client, column, directory):
    directory["streets"]["hexi"].unpublish()
    directory["grids"]["nanmen-2"].unpublish()
    html = directory_section(client.get(column.url).content.decode())
    assert "河西街道" not in html and "柳岸社区" not in html
    assert '南门社区</a> <span class="grid-directory__count">1个网格</span>' in html
    assert found_grids(lookup(client, column, "网格")) == ["南门社区第一网格"]


# The lookup


def test_lookup_by_partial_street_name(client, column, directory):
    html = lookup(client, column, "城南")
    assert found_grids(html) == ["南门社区第一网格", "南门社区第二网格"]
    assert "找到2个与“城南”相关的网格" in html
    assert "何丽华" in html and 'href="tel:13800000301"' in html
    assert "冯国强" in html and 'href="tel:057188000302"' in html
    assert "南门大街1号至65号" in html
    assert "网格目录正在整理中" not in html and "grid-directory__street" not in html


def test_lookup_by_full_and_partial_community_name(client, column, directory):
    assert found_grids(lookup(client, column, "柳岸社区")) == ["柳岸社区第一网格"]
    assert found_grids(lookup(client, column, "柳岸")) == ["柳岸社区第一网格"]
    assert found_grids(lookup(client, column, "南门")) == ["南门社区第一网格", "南门社区第二网格"]


def test_lookup_shows_the_path_and_photo_of_each_grid(client, column, directory):
    grid = directory["grids"]["liuan-1"]
    grid.worker_photo = ensure_demo_image("测试照片：周丽娟", "grid-test", 300, 400)
    grid.save_revision().publish()
    html = lookup(client, column, "柳岸")
    assert "<span>河西街道</span> › <span>柳岸社区</span> ›" in html
    assert 'class="grid-card__photo"' in html and 'alt="网格员周丽娟"' in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("河西街道柳岸社区", ["柳岸社区第一网格"]),  # street and community typed in one go
        ("城南 第二", ["南门社区第二网格"]),  # every term must match
        ("城南，第一网格", ["南门社区第一网格"]),  # Chinese punctuation separates terms
        ("滨江路", ["柳岸社区第一网格"]),  # a road in the service area
        ("城南花园", ["南门社区第二网格"]),  # an estate named like a street is found through the area
        ("周丽娟", ["柳岸社区第一网格"]),
        ("hx-la-01", ["柳岸社区第一网格"]),  # grid number, case-insensitive
        ("  柳岸  ", ["柳岸社区第一网格"]),
    ],
)
def test_lookup_matches(client, column, directory, query, expected):
    assert found_grids(lookup(client, column, query)) == expected


@pytest.mark.parametrize("query", ["城北", "柳岸 城南", "不存在的小区"])
def test_lookup_without_match_says_so_in_chinese(client, column, directory, query):
    html = lookup(client, column, query)
    assert found_grids(html) == []
    normalised = " ".join(query.split())
    assert NO_MATCH.format(query=normalised) in html
    assert "查看全部网格目录" in html


@pytest.mark.parametrize("query", ["", "   ", "，。！", "---"])
def test_empty_query_asks_for_a_name(client, column, directory, query):
    html = lookup(client, column, query)
    assert EMPTY_QUERY_MESSAGE in html
    assert found_grids(html) == [] and "没有找到" not in html


# "柳岸 柳岸 … 柳岸": exactly the maximum length, and it would match if the lookup ran.
LONGEST_QUERY = ("柳岸 " * QUERY_MAX_LENGTH)[:QUERY_MAX_LENGTH].strip()


def test_over_long_query_is_refused_with_a_message(client, column, directory):
    query = LONGEST_QUERY + "岸"
    assert len(query) == QUERY_MAX_LENGTH + 1
    html = lookup(client, column, query)
    assert QUERY_TOO_LONG_MESSAGE in html
    assert found_grids(html) == [] and "没有找到" not in html
    assert f'value="{query[:QUERY_MAX_LENGTH]}"' in html
    assert f'maxlength="{QUERY_MAX_LENGTH}"' in html


def test_query_of_the_maximum_length_is_accepted(client, column, directory):
    assert len(LONGEST_QUERY) == QUERY_MAX_LENGTH
    html = lookup(client, column, LONGEST_QUERY)
    assert QUERY_TOO_LONG_MESSAGE not in html
    assert found_grids(html) == ["柳岸社区第一网格"]


def test_query_is_escaped(client, column, directory):
    html = lookup(client, column, '<script>alert("x")</script>')
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_lookup_results_are_paged_keeping_the_query(client, column):
    street = add_street(column, "城南街道", "chengnan")
    community = add_community(street, "南门社区", "nanmen")
    total = GridColumnPage.items_per_page + 2
    for number in range(total):
        add_grid(community, f"南门社区第{number + 1:02d}网格", f"nm-{number:02d}")
    other = add_street(column, "河西街道", "hexi")
    add_grid(add_community(other, "柳岸社区", "liuan"), "柳岸社区第一网格", "liuan-1")

    first = lookup(client, column, "城南 南门")
    assert f"找到{total}个与“城南 南门”相关的网格" in first
    assert "第 1 / 2 页" in first
    assert "南门社区第01网格" in first and "南门社区第15网格" in first and "南门社区第16网格" not in first
    assert 'href="?page=2&amp;q=%E5%9F%8E%E5%8D%97+%E5%8D%97%E9%97%A8"' in first
    second = lookup(client, column, "城南 南门", page="2")
    assert "第 2 / 2 页" in second
    assert "南门社区第16网格" in second and "南门社区第17网格" in second and "南门社区第01网格" not in second
    assert "柳岸社区第一网格" not in second
    assert "第 1 / 2 页" in lookup(client, column, "城南 南门", page="x")


def test_directory_without_query_is_not_paged(client, column, directory):
    html = client.get(column.url, {"page": "2"}).content.decode()
    assert 'class="pagination"' not in html and "城南街道" in html


# Street, community and grid pages


def test_street_page_lists_its_communities_and_grids(client, directory):
    html = client.get(directory["streets"]["chengnan"].url).content.decode()
    assert "城南街道办事处：南门大街66号。" in html
    assert html.index("南门社区") < html.index("南门社区第一网格") < html.index("文昌社区")
    assert "何丽华" in html and 'href="tel:13800000301"' in html
    assert "暂未划分网格。" in html  # 文昌社区
    assert "柳岸社区" not in html


def test_community_page_lists_its_grids_with_workers(client, directory):
    grid = directory["grids"]["nanmen-1"]
    grid.worker_photo = ensure_demo_image("测试照片：何丽华", "grid-test", 300, 400)
    grid.save_revision().publish()
    html = client.get(directory["communities"]["nanmen"].url).content.decode()
    assert "社区服务中心：南门大街70号。" in html
    assert "南门社区第一网格" in html and "CN-NM-01" in html and "南门社区第二网格" in html
    assert "网格员：<strong>何丽华</strong>" in html and 'alt="网格员何丽华"' in html
    assert "南门大街1号至65号" in html
    empty = client.get(directory["communities"]["wenchang"].url).content.decode()
    assert "本社区暂未划分网格。" in empty


def test_grid_page_shows_worker_photo_phone_and_area(client, directory):
    grid = directory["grids"]["liuan-1"]
    grid.worker_photo = ensure_demo_image("测试照片：周丽娟", "grid-test", 300, 400)
    grid.save_revision().publish()
    response = client.get(grid.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "网格员 周丽娟" in html and 'alt="网格员周丽娟"' in html and "grid-worker__photo" in html
    assert "HX-LA-01" in html
    assert '<a href="tel:13800000101">13800000101</a>' in html
    assert "柳岸小区1—12幢；滨江路88号至120号沿街商铺。" in html
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert "网格服务" in crumbs and "河西街道" in crumbs and "柳岸社区" in crumbs


def test_grid_page_without_photo_renders(client, directory):
    html = client.get(directory["grids"]["nanmen-2"].url).content.decode()
    assert "grid-worker__photo" not in html and '<a href="tel:057188000302">0571-88000302</a>' in html


def test_landline_extension_is_shown_but_not_dialled(client, directory):
    grid = directory["grids"]["nanmen-2"]
    grid.worker_phone = "0571-88000302-123"
    grid.save_revision().publish()
    html = client.get(grid.url).content.decode()
    assert '<a href="tel:057188000302">0571-88000302-123</a>' in html


# Feed and print view


def test_feed_is_valid_rss_with_the_grids(client, column, directory):
    response = client.get(f"/columns/{column.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ElementTree.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("网格服务")
    titles = {item.findtext("title") for item in channel.findall("item")}
    assert titles == {"南门社区第一网格", "南门社区第二网格", "柳岸社区第一网格"}
    assert 'type="application/rss+xml"' in client.get(column.url).content.decode()


def test_print_view_of_a_grid(client, directory):
    grid = directory["grids"]["liuan-1"]
    assert f"/columns/item/{grid.pk}/print/" in client.get(grid.url).content.decode()
    response = client.get(f"/columns/item/{grid.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "柳岸社区第一网格" in html and "page-print" in html and "原文网址" in html
    assert "周丽娟" in html and "滨江路88号" in html, "the grid's own fields are on paper too"


def test_print_view_of_an_unpublished_grid_is_not_found(client, directory):
    grid = directory["grids"]["liuan-1"]
    grid.unpublish()
    assert client.get(f"/columns/item/{grid.pk}/print/").status_code == 404


# Admin


def grid_data(**overrides):
    data = {
        "title": "南门社区第三网格",
        "slug": "nanmen-3",
        "publish_date": "2026-05-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "grid_number": "CN-NM-03",
        "worker_name": "陈晓东",
        "worker_phone": "13800000303",
        "worker_photo": "",
        "area": "南门小区10—15幢；南门大街67号至99号。",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_grid_url(community):
    return f"/admin/pages/add/grid/gridpage/{community.pk}/"


def test_admin_form_names_the_grid(admin_client, directory):
    html = admin_client.get(add_grid_url(directory["communities"]["nanmen"])).content.decode()
    assert "网格名称" in html and "网格员姓名" in html and "联系电话" in html and "服务范围" in html


def test_admin_publishes_a_grid_with_a_normalised_phone(admin_client, column, directory):
    community = directory["communities"]["nanmen"]
    response = admin_client.post(add_grid_url(community), grid_data(worker_phone=" 0571－8800 0303 "))
    assert response.status_code == 302, response.content.decode()[:3000]
    grid = GridPage.objects.get(slug="nanmen-3")
    assert grid.live and grid.worker_phone == "0571-88000303"
    assert grid.column_id == column.pk and grid.get_parent().pk == community.pk


@pytest.mark.parametrize("phone", ["12345678", "1380000030", "phone", "0571-123"])
def test_admin_refuses_an_invalid_phone_and_saves_nothing(admin_client, directory, phone):
    before = GridPage.objects.count()
    response = admin_client.post(add_grid_url(directory["communities"]["nanmen"]), grid_data(worker_phone=phone))
    assert response.status_code == 200
    assert PHONE_MESSAGE in response.content.decode()
    assert GridPage.objects.count() == before
    assert not GridPage.objects.filter(slug="nanmen-3").exists()


def test_admin_refuses_an_invalid_phone_in_a_draft(admin_client, directory):
    data = grid_data(worker_phone="12345678")
    data.pop("action-publish")
    response = admin_client.post(add_grid_url(directory["communities"]["nanmen"]), data)
    assert response.status_code == 200
    assert PHONE_MESSAGE in response.content.decode()
    assert not GridPage.objects.filter(slug="nanmen-3").exists()


def test_admin_edit_with_an_invalid_phone_changes_nothing(admin_client, directory):
    grid = directory["grids"]["liuan-1"]
    revisions = grid.revisions.count()
    data = grid_data(title="柳岸社区第一网格", slug="liuan-1", worker_name="新网格员", worker_phone="110")
    response = admin_client.post(f"/admin/pages/{grid.pk}/edit/", data)
    assert response.status_code == 200
    assert PHONE_MESSAGE in response.content.decode()
    grid.refresh_from_db()
    assert grid.worker_name == "周丽娟" and grid.worker_phone == "13800000101"
    assert grid.revisions.count() == revisions


def test_admin_requires_worker_name_and_area(admin_client, directory):
    response = admin_client.post(add_grid_url(directory["communities"]["nanmen"]), grid_data(worker_name="", area=""))
    assert response.status_code == 200
    assert not GridPage.objects.filter(slug="nanmen-3").exists()


def test_admin_adds_a_street_under_the_column(admin_client, column):
    response = admin_client.post(
        f"/admin/pages/add/grid/streetpage/{column.pk}/",
        nested_form_data({"title": "城北街道", "slug": "chengbei", "intro": "", "action-publish": "publish"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert StreetPage.objects.child_of(column).get().title == "城北街道"


# Demo content


@pytest.fixture
def only_grid_column_type(monkeypatch):
    """seed_demo over the grid column type alone, so this test does not depend on every other plugin's demo."""
    monkeypatch.setattr("demo.management.commands.seed_demo.get_column_types", lambda: [GridColumnPage])


def test_seed_demo_creates_the_planned_column_only_when_asked(only_grid_column_type, client, monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "demo-Pass-2026")
    call_command("seed_demo", stdout=io.StringIO())
    assert not GridColumnPage.objects.exists()

    call_command("seed_demo", "--planned", stdout=io.StringIO())
    column = GridColumnPage.objects.get()
    assert column.slug == "wgfw" and column.title == "网格服务" and column.live
    streets = StreetPage.objects.child_of(column)
    assert streets.count() >= 2
    grids = GridPage.objects.descendant_of(column).live()
    count = grids.count()
    assert count >= 4
    assert all(grid.worker_photo_id and grid.worker_name and grid.area for grid in grids)

    pages = list(column.get_descendants().values_list("pk", "latest_revision_id"))
    call_command("seed_demo", "--planned", stdout=io.StringIO())
    assert list(column.get_descendants().values_list("pk", "latest_revision_id")) == pages
    assert StreetPage.objects.child_of(column).count() == streets.count()

    html = client.get(column.url).content.decode()
    for street in streets:
        assert street.title in html
    assert found_grids_by_title(lookup(client, column, "城南"), grids) != []
    for page in [*streets, *CommunityPage.objects.descendant_of(column), *grids]:
        assert client.get(page.url).status_code == 200


def found_grids_by_title(html, grids):
    section = html.split('class="grid-results__list"', 1)[-1] if 'class="grid-results__list"' in html else ""
    return [grid.title for grid in grids if grid.title in section]
