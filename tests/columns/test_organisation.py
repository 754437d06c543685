"""机构概况: column and item types, leaders and departments, admin validation, listing, feed, print and demo."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from columns.models import ColumnItem
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.organisation.models import (
    Department,
    DepartmentsPage,
    Leader,
    LeadershipPage,
    OrganisationColumnPage,
    OrganisationFunctionsPage,
)
from columns.registry import get_column_types
from demo.columns import seed_column
from demo.columns.images import ensure_demo_image
from home.models import HomePage
from tests.columns.helpers import add_column, add_items

pytestmark = pytest.mark.django_db

ITEM_TYPES = [OrganisationFunctionsPage, LeadershipPage, DepartmentsPage]


@pytest.fixture
def column(home):
    return add_column(home, OrganisationColumnPage, "机构概况", "jggk")


@pytest.fixture
def photo():
    return ensure_demo_image("测试图片：领导照片", "test-leader", 90, 120)


def publish(column, page):
    column.add_child(instance=page)
    page.save_revision().publish()
    return page


def add_functions(column, slug="jgzn", **fields):
    values = {"title": "机构职能", "body": [("paragraph", "<p>统筹协调全市政法工作。</p>")]}
    values.update(fields)
    return publish(column, OrganisationFunctionsPage(slug=slug, **values))


def add_leadership(column, leaders, slug="ldxx", **fields):
    return publish(column, LeadershipPage(title="领导信息", slug=slug, leaders=leaders, **fields))


def add_departments(column, departments, slug="nsjg", **fields):
    return publish(column, DepartmentsPage(title="内设机构", slug=slug, departments=departments, **fields))


def secretary(photo=None, **fields):
    values = {
        "name": "周明川",
        "title": "市委常委、政法委书记",
        "duties": "主持市委政法委全面工作。",
        "cv": "男，汉族，研究生学历。",
        "photo": photo,
    }
    values.update(fields)
    return Leader(**values)


def common_data(**overrides):
    data = {
        "title": "领导信息",
        "slug": "ldxx",
        "publish_date": "2026-03-10 09:00",
        "source": "",
        "author": "",
        "editor": "",
        "summary": "",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return data


def leader_row(**overrides):
    row = {"name": "周明川", "title": "市委政法委书记", "photo": "", "duties": "主持全面工作。", "cv": ""}
    row.update(overrides)
    return row


def leadership_data(rows, **overrides):
    return nested_form_data(common_data(leaders=inline_formset(rows), **overrides))


def department_row(**overrides):
    row = {"name": "执法监督科", "functions": "督促检查执法司法工作。", "phone": "0571-86120120"}
    row.update(overrides)
    return row


def departments_data(rows, **overrides):
    values = {"title": "内设机构", "slug": "nsjg", "departments": inline_formset(rows)}
    values.update(overrides)
    return nested_form_data(common_data(**values))


def add_url(column, model):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{column.pk}/"


# Parents and children


def test_column_type_is_registered_and_lives_once_under_the_home_page(home, column):
    assert OrganisationColumnPage in get_column_types()
    assert OrganisationColumnPage in HomePage.allowed_subpage_models()
    assert not OrganisationColumnPage.can_create_at(home)  # one per home page
    assert not OrganisationColumnPage.can_create_at(column)
    assert OrganisationColumnPage.parent_page_types == ["home.HomePage"]


def test_column_can_be_created_under_a_home_page_without_one(home):
    assert OrganisationColumnPage.can_create_at(home)


def test_item_types_live_only_in_the_organisation_column(home, column):
    news = add_column(home, NewsColumnPage, "政法要闻", "zfyw")
    assert column.allowed_subpage_models() == ITEM_TYPES
    for model in ITEM_TYPES:
        assert model.can_create_at(column)
        assert not model.can_create_at(home)
        assert not model.can_create_at(news)
        assert model.allowed_subpage_models() == []
    assert not NewsPage.can_create_at(column)


def test_admin_offers_the_three_item_types_under_the_column(admin_client, column):
    html = admin_client.get(f"/admin/pages/{column.pk}/add_subpage/").content.decode()
    for model in ITEM_TYPES:
        assert add_url(column, model) in html
    assert add_url(column, NewsPage) not in html


# The column page


def test_empty_column_renders(client, column):
    response = client.get(column.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "本栏目暂无信息。" in html
    assert "org-sections" not in html and "org-leader-cards" not in html
    assert "organisation/css/organisation.css" in html


def test_column_links_the_latest_page_of_each_kind_and_lists_the_current_leaders(client, column, photo):
    functions = add_functions(column)
    old = add_leadership(
        column, [secretary(name="钱旧任")], slug="old", publish_date=timezone.now() - timedelta(days=400)
    )
    leadership = add_leadership(column, [secretary(photo), Leader(name="孙立", title="副书记", duties="协助工作。")])
    departments = add_departments(column, [Department(name="办公室", functions="机关日常运转。")])
    html = client.get(column.url).content.decode()
    nav = html[html.index('class="org-sections"') : html.index("</nav>", html.index('class="org-sections"'))]
    assert f'href="{functions.url}">机构职能<' in nav
    assert f'href="{leadership.url}">领导信息<' in nav and old.url not in nav
    assert f'href="{departments.url}">内设机构<' in nav
    cards = html[html.index('class="org-leader-cards"') :]
    assert 'alt="周明川（市委常委、政法委书记）"' in cards
    assert "孙立" in cards and "副书记" in cards and "org-photo-missing" in cards
    assert cards.index("周明川") < cards.index("孙立")
    assert "钱旧任" not in html
    for kind in ["机构职能", "领导信息", "内设机构"]:
        assert f'<span class="org-kind">{kind}</span>' in html


def test_listing_pages_through_all_items_and_shows_leaders_on_the_first_page_only(client, column):
    add_leadership(column, [secretary()], publish_date=timezone.now() - timedelta(days=30))
    add_items(column, OrganisationFunctionsPage, OrganisationColumnPage.items_per_page + 1, prefix="职能")
    first = client.get(column.url).content.decode()
    assert "第 1 / 2 页，共 17 条" in first and 'href="?page=2"' in first
    assert "org-leader-cards" in first
    assert "职能0000" in first and "职能0015" not in first
    second = client.get(column.url, {"page": "2"}).content.decode()
    assert "第 2 / 2 页" in second and "职能0015" in second
    assert '<span class="org-kind">领导信息</span>领导信息' in second
    assert "org-leader-cards" not in second
    assert client.get(column.url, {"page": "abc"}).status_code == 200


def test_draft_items_stay_out_of_the_column(client, column):
    draft = LeadershipPage(title="未发布的领导信息", slug="draft", leaders=[secretary()], live=False)
    column.add_child(instance=draft)
    html = client.get(column.url).content.decode()
    assert "未发布的领导信息" not in html and "org-leader-cards" not in html


# The item pages


def test_functions_page_shows_the_facts_every_item_shows(client, column):
    document = get_document_model().objects.create(title="机构职能规定", file=ContentFile(b"%PDF-1.4", name="zn.pdf"))
    page = add_functions(
        column,
        source="清江市委编办",
        author="张文",
        editor="办公室",
        body=[("paragraph", "<p>贯彻落实党中央关于政法工作的决策部署。</p>")],
        attachments=[("attachment", {"document": document, "title": "机构职能规定全文"})],
    )
    html = client.get(page.url).content.decode()
    for text in [
        "来源：清江市委编办",
        "作者：张文",
        "编辑：办公室",
        "发布时间：",
        "主要职能",
        "贯彻落实党中央关于政法工作的决策部署。",
    ]:
        assert text in html
    assert "机构职能规定全文" in html and document.url in html


def test_leadership_page_shows_each_leader_in_order_with_photo_title_duties_and_cv(client, column, photo):
    page = add_leadership(
        column,
        [
            secretary(photo),
            Leader(name="吴晓岚", title="市委政法委常务副书记", duties="负责日常工作。\n分管办公室。", cv=""),
        ],
        body=[("paragraph", "<p>现将领导班子分工公布如下。</p>")],
    )
    html = client.get(page.url).content.decode()
    assert "现将领导班子分工公布如下。" in html
    assert 'alt="周明川（市委常委、政法委书记）"' in html
    assert '<h2 class="org-leader__name">周明川</h2>' in html
    assert '<dd class="org-leader__title">市委常委、政法委书记</dd>' in html
    assert '<dd class="org-leader__duties">主持市委政法委全面工作。</dd>' in html
    assert "<summary>个人简历</summary><p>男，汉族，研究生学历。</p>" in html
    assert '<dd class="org-leader__duties">负责日常工作。<br>分管办公室。</dd>' in html
    assert html.index("周明川") < html.index("吴晓岚")
    assert html.count("个人简历") == 1  # only leaders with a CV get one
    assert html.count("org-photo-missing") == 1
    assert "来源：" in html and "发布时间：" in html


def test_departments_page_lists_names_functions_and_dialable_phones(client, column):
    page = add_departments(
        column,
        [
            Department(name="办公室", functions="负责文电、会务。", phone="0571-86120100"),
            Department(name="执法监督科", functions="督促检查执法司法工作。", phone="0571-86120120-801"),
            Department(name="机关党委", functions="负责机关党建。", phone=""),
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<h2 class="org-department__name">办公室</h2>' in html
    assert "负责文电、会务。" in html and "督促检查执法司法工作。" in html
    assert '<a href="tel:0571-86120100">0571-86120100</a>' in html
    assert '<a href="tel:0571-86120120;ext=801">0571-86120120-801</a>' in html
    assert html.count("联系电话：") == 2
    assert html.index("办公室</h2>") < html.index("执法监督科</h2>") < html.index("机关党委</h2>")


def test_empty_lists_say_so(client, column):
    leadership = add_leadership(column, [])
    departments = add_departments(column, [])
    assert "暂无领导信息。" in client.get(leadership.url).content.decode()
    assert "暂无内设机构信息。" in client.get(departments.url).content.decode()


@pytest.mark.parametrize("kind", ["functions", "leadership", "departments"])
def test_print_view_of_each_item_type(client, column, kind):
    page = {
        "functions": lambda: add_functions(column, author="张文"),
        "leadership": lambda: add_leadership(column, [secretary()], author="张文"),
        "departments": lambda: add_departments(column, [Department(name="办公室", functions="运转")], author="张文"),
    }[kind]()
    assert f'href="/columns/item/{page.pk}/print/"' in client.get(page.url).content.decode()
    response = client.get(f"/columns/item/{page.pk}/print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html and "作者：张文" in html and 'name="robots" content="noindex"' in html
    expected_own_fields = {"functions": None, "leadership": "市委常委、政法委书记", "departments": "运转"}[kind]
    if expected_own_fields:
        assert expected_own_fields in html, "the print view shows the item type's own list"


# Feed


def test_feed_is_valid_rss_with_every_item_type(client, column):
    add_functions(column, summary="本委主要职能。")
    add_leadership(column, [secretary()])
    add_departments(column, [Department(name="办公室", functions="运转")])
    response = client.get(f"/columns/{column.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("机构概况")
    titles = {item.findtext("title") for item in channel.findall("item")}
    assert titles == {"机构职能", "领导信息", "内设机构"}
    assert any(item.findtext("description") == "本委主要职能。" for item in channel.findall("item"))


# Admin: leaders


def test_admin_publishes_a_leadership_page_with_leaders_in_order(admin_client, column, photo):
    rows = [
        leader_row(name="周　明川", photo=str(photo.pk), cv="男，汉族。"),
        leader_row(name="热依拉•买买提", title="市委政法委副书记", duties="负责平安建设。"),
    ]
    response = admin_client.post(add_url(column, LeadershipPage), leadership_data(rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LeadershipPage.objects.get(slug="ldxx")
    assert page.live and page.column_id == column.pk
    leaders = list(page.leaders.all())
    assert [leader.name for leader in leaders] == ["周明川", "热依拉·买买提"]
    assert leaders[0].photo == photo and leaders[0].cv == "男，汉族。"


@pytest.mark.parametrize("action", [{"action-publish": "publish"}, {"action-publish": ""}])
def test_admin_requires_a_leader_name_even_for_a_draft(admin_client, column, action):
    data = leadership_data([leader_row(name="")], **action)
    response = admin_client.post(add_url(column, LeadershipPage), data)
    assert response.status_code == 200
    assert "必需字段" in response.content.decode()
    assert not LeadershipPage.objects.exists() and not Leader.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("周明川（书记）", "姓名应为2至20个汉字"),
        ("周", "姓名应为2至20个汉字"),
        ("Zhou Mingchuan", "姓名应为2至20个汉字"),
        ("周·", "姓名应为2至20个汉字"),
        ("周明川书记" * 4 + "周", "不超过 20 字符"),
    ],
)
def test_admin_refuses_a_leader_name_that_is_not_a_name(admin_client, column, name, message):
    response = admin_client.post(add_url(column, LeadershipPage), leadership_data([leader_row(name=name)]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not LeadershipPage.objects.exists() and not Leader.objects.exists()


def test_admin_requires_title_and_duties_on_publish(admin_client, column):
    data = leadership_data([leader_row(title="", duties="")])
    response = admin_client.post(add_url(column, LeadershipPage), data)
    assert response.status_code == 200
    assert response.content.decode().count("必需字段") >= 2
    assert not LeadershipPage.objects.exists()


def test_admin_refuses_to_publish_a_leadership_page_without_leaders_but_keeps_a_draft(admin_client, column):
    response = admin_client.post(add_url(column, LeadershipPage), leadership_data([]))
    assert response.status_code == 200
    assert "请至少填写一位领导的姓名、职务和分工后再发布。" in response.content.decode()
    assert not LeadershipPage.objects.exists()
    response = admin_client.post(add_url(column, LeadershipPage), leadership_data([], **{"action-publish": ""}))
    assert response.status_code == 302
    assert not LeadershipPage.objects.get().live


def test_admin_edit_removes_and_reorders_leaders(admin_client, column):
    page = add_leadership(
        column,
        [
            secretary(),
            Leader(name="吴晓岚", title="常务副书记", duties="日常工作。"),
            Leader(name="郑一凡", title="副书记", duties="平安建设。"),
        ],
    )
    first, second, third = page.leaders.all()
    rows = [
        {**leader_row(name="郑一凡", title="副书记", duties="平安建设。"), "id": str(third.pk), "ORDER": "0"},
        {**leader_row(name="吴晓岚", title="常务副书记", duties="日常工作。"), "id": str(second.pk), "ORDER": "1"},
        {**leader_row(), "id": str(first.pk), "ORDER": "2", "DELETE": "1"},
    ]
    data = nested_form_data(common_data(leaders=inline_formset(rows, initial=3)))
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert [leader.name for leader in page.leaders.all()] == ["郑一凡", "吴晓岚"]
    assert not Leader.objects.filter(pk=first.pk).exists()


def test_admin_edit_view_and_preview_of_a_leadership_page(admin_client, column, photo):
    page = add_leadership(column, [secretary(photo)])
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    data = leadership_data([leader_row(name="预览人", title="副书记", duties="预览分工。")])
    assert admin_client.post(preview_url, data).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()
    assert "预览人" in html and "预览分工。" in html
    assert [leader.name for leader in LeadershipPage.objects.get().leaders.all()] == ["周明川"]


# Admin: departments


@pytest.mark.parametrize("action", [{"action-publish": "publish"}, {"action-publish": ""}])
def test_admin_refuses_a_department_phone_that_is_not_a_phone(admin_client, column, action):
    data = departments_data([department_row(), department_row(name="办公室", phone="8612")], **action)
    response = admin_client.post(add_url(column, DepartmentsPage), data)
    assert response.status_code == 200
    assert "请输入有效的电话号码" in response.content.decode()
    assert not DepartmentsPage.objects.exists() and not Department.objects.exists()


def test_admin_publishes_departments_with_normalised_phones(admin_client, column):
    rows = [department_row(phone="0571－8612 0120"), department_row(name="机关党委", phone="")]
    response = admin_client.post(add_url(column, DepartmentsPage), departments_data(rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = DepartmentsPage.objects.get()
    assert page.live and page.column_id == column.pk
    assert [(d.name, d.phone) for d in page.departments.all()] == [("执法监督科", "0571-86120120"), ("机关党委", "")]


def test_admin_refuses_a_department_listed_twice(admin_client, column):
    rows = [department_row(), department_row(name=" 执法监督科 ", phone="")]
    response = admin_client.post(add_url(column, DepartmentsPage), departments_data(rows))
    assert response.status_code == 200
    assert "内设机构“执法监督科”重复列出" in response.content.decode()
    assert not DepartmentsPage.objects.exists()


def test_admin_requires_a_department_name_and_at_least_one_department(admin_client, column):
    response = admin_client.post(add_url(column, DepartmentsPage), departments_data([department_row(name="")]))
    assert response.status_code == 200 and "必需字段" in response.content.decode()
    response = admin_client.post(add_url(column, DepartmentsPage), departments_data([]))
    assert response.status_code == 200
    assert "请至少填写一个内设机构的名称和主要职责后再发布。" in response.content.decode()
    assert not DepartmentsPage.objects.exists()


# Admin: functions


def test_admin_refuses_to_publish_functions_without_text(admin_client, column):
    data = nested_form_data(common_data(title="机构职能", slug="jgzn"))
    response = admin_client.post(add_url(column, OrganisationFunctionsPage), data)
    assert response.status_code == 200
    assert "请填写本机构的主要职能后再发布。" in response.content.decode()
    assert not OrganisationFunctionsPage.objects.exists()


def test_admin_publishes_functions(admin_client, column):
    body = streamfield([("paragraph", rich_text("<p>统筹协调全市政法工作。</p>"))])
    data = nested_form_data(common_data(title="机构职能", slug="jgzn", body=body))
    response = admin_client.post(add_url(column, OrganisationFunctionsPage), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OrganisationFunctionsPage.objects.get()
    assert page.live and "统筹协调全市政法工作" in str(page.body)


# Search


def test_search_index_holds_leaders_and_departments(column):
    leadership = add_leadership(column, [secretary()])
    departments = add_departments(column, [Department(name="网格化服务管理科", functions="指导网格划分。")])
    assert list(ColumnItem.objects.live().search("周明川")) == [leadership.columnitem_ptr]
    assert list(ColumnItem.objects.live().search("网格化服务管理科")) == [departments.columnitem_ptr]


# Demo content


def test_seed_demo_fills_the_column_once(client, column):
    seed_column(column)
    assert OrganisationFunctionsPage.objects.child_of(column).live().count() == 1
    leadership = LeadershipPage.objects.child_of(column).live().get()
    departments = DepartmentsPage.objects.child_of(column).live().get()
    leaders = list(leadership.leaders.all())
    assert [leader.title for leader in leaders][:2] == ["市委常委、政法委书记", "市委政法委常务副书记"]
    assert any(leader.title.endswith("副书记") for leader in leaders[2:])
    assert all(leader.photo and leader.duties for leader in leaders)
    assert departments.departments.count() >= 5
    counts = (Leader.objects.count(), Department.objects.count(), column.get_children().count())
    seed_column(column)
    assert (Leader.objects.count(), Department.objects.count(), column.get_children().count()) == counts
    html = client.get(column.url).content.decode()
    assert leaders[0].name in html and "清江" not in leaders[0].name
    for page in column.get_children().live():
        assert client.get(page.url).status_code == 200
    assert "0571-86120100" in client.get(departments.url).content.decode()
