"""The column plugin contract: registration, system checks, admin offer and rendering."""

from datetime import timedelta

import pytest

from django.core.management import call_command
from django.core.management.base import SystemCheckError

from columns.models import ColumnPage
from columns.plugins.news.models import NewsColumnPage
from columns.plugins.notices.models import NoticeColumnPage
from columns.registry import get_column_types, register_column_temporarily
from home.models import HomePage
from tests.column_plugin_app.models import SafetyTipPage, SafetyTipsColumnPage
from tests.columns.helpers import add_column, add_items


def test_builtin_and_app_column_types_are_registered():
    types = get_column_types()
    assert NewsColumnPage in types and NoticeColumnPage in types
    assert SafetyTipsColumnPage in types


def test_system_check_passes_for_the_registered_types():
    call_command("check", "columns", fail_level="ERROR")


def make_column_type(name, **declarations):
    attrs = {
        "__module__": "tests.column_plugin_app.models",
        "Meta": type("Meta", (), {"app_label": "column_plugin_app"}),
    }
    attrs.update(declarations)
    return type(name, (ColumnPage,), attrs)


@pytest.mark.parametrize(
    ("missing", "check_id"),
    [
        ("column_name", "columns.E001"),
        ("default_slug", "columns.E002"),
        ("icon", "columns.E003"),
        ("update_interval", "columns.E004"),
    ],
)
def test_system_check_rejects_a_column_type_missing_a_declaration(missing, check_id):
    declarations = {
        "column_name": "残缺栏目",
        "default_slug": "cq",
        "icon": "doc-full",
        "update_interval": timedelta(days=14),
        "subpage_types": ["column_plugin_app.SafetyTipPage"],
        "template": "columns/column_page.html",
    }
    del declarations[missing]
    model = make_column_type(f"Broken{missing.title().replace('_', '')}Page", **declarations)
    with register_column_temporarily(model), pytest.raises(SystemCheckError) as error:
        call_command("check", "columns")
    assert check_id in str(error.value)
    call_command("check", "columns")  # unregistered again: the project is clean


def test_system_check_rejects_a_column_type_without_children_or_template():
    model = make_column_type(
        "ChildlessColumnPage",
        column_name="无子栏目",
        default_slug="wz",
        icon="doc-full",
        update_interval=timedelta(days=14),
        subpage_types=[],
        template="columns/no_such_template.html",
    )
    with register_column_temporarily(model), pytest.raises(SystemCheckError) as error:
        call_command("check", "columns")
    assert "columns.E005" in str(error.value) and "columns.E007" in str(error.value)


@pytest.mark.django_db
def test_admin_offers_the_plugin_column_type_under_the_home_page(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "安全小贴士栏目" in html and "政法要闻栏目" in html and "通知公告栏目" in html
    assert SafetyTipsColumnPage in HomePage.allowed_subpage_models()


@pytest.mark.django_db
def test_admin_creates_a_plugin_column_page(admin_client, home):
    response = admin_client.post(
        f"/admin/pages/add/column_plugin_app/safetytipscolumnpage/{home.pk}/",
        {"title": "安全小贴士", "slug": "aqxts", "intro": "", "action-publish": "publish"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert SafetyTipsColumnPage.objects.get(slug="aqxts").live


@pytest.mark.django_db
def test_plugin_column_and_items_render(client, home):
    column = add_column(home, SafetyTipsColumnPage, "安全小贴士", "aqxts")
    tip = add_items(column, SafetyTipPage, 1, prefix="防溺水")[0]
    assert tip.column_id == column.pk
    listing = client.get(column.url).content.decode()
    assert "插件栏目" in listing and "防溺水0000" in listing
    detail = client.get(tip.url).content.decode()
    assert "风险等级：一般" in detail and "发布时间" in detail


@pytest.mark.django_db
def test_unregistered_column_type_cannot_be_created(home):
    from columns.registry import register_column, unregister_column

    unregister_column(SafetyTipsColumnPage)
    try:
        assert not SafetyTipsColumnPage.can_create_at(home)
        assert SafetyTipsColumnPage not in HomePage.allowed_subpage_models()
    finally:
        register_column(SafetyTipsColumnPage)


@pytest.mark.django_db
def test_city_column_names_follow_the_site_identity(client, home):
    from columns.plugins.news.models import RuleOfLawColumnPage, SafeCityColumnPage
    from portal.models import SiteIdentity

    rule_of_law = add_column(home, RuleOfLawColumnPage, RuleOfLawColumnPage.title_for_city("测试"), "fzjs")
    safe_city = add_column(home, SafeCityColumnPage, "平安建设专栏", "pajs")  # renamed by an editor
    identity = SiteIdentity.objects.get()
    identity.city_short_name = "新城"
    identity.save()
    rule_of_law.refresh_from_db()
    safe_city.refresh_from_db()
    assert rule_of_law.title == "法治新城"
    assert safe_city.title == "平安建设专栏"
    assert "法治新城" in client.get("/").content.decode()
