"""The column registry: duplicates raise, roles and searchable types are found there, plugins own their templates."""

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import get_template

from columns.models import ColumnItem, ColumnPage
from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticeColumnPage
from columns.registry import (
    get_column_type,
    get_column_types,
    get_searchable_types,
    register_column,
    register_column_temporarily,
    register_searchable,
    register_searchable_temporarily,
)
from search.service import search
from tests.column_plugin_app.models import SafetyMapPage, SafetyTipsColumnPage
from tests.columns.helpers import add_column


def impostor(label, role=None):
    """Something that looks like a model registered under ``label`` but is another class."""
    return type("Impostor", (), {"_meta": SimpleNamespace(label_lower=label, label=label), "role": role})


def test_registering_another_model_under_a_taken_name_raises():
    with pytest.raises(ImproperlyConfigured, match=r"news\.newscolumnpage"):
        register_column(impostor("news.newscolumnpage"))
    assert NewsColumnPage in get_column_types()


def test_registering_the_same_model_twice_changes_nothing():
    before = get_column_types()
    assert register_column(NewsColumnPage) is NewsColumnPage
    assert get_column_types() == before


def test_a_role_belongs_to_one_column_type():
    assert get_column_type("notices") is NoticeColumnPage
    with pytest.raises(ImproperlyConfigured, match="notices"):
        register_column(impostor("column_plugin_app.other", role="notices"))
    assert get_column_type("notices") is NoticeColumnPage
    assert get_column_type("no-such-role") is None


def test_a_temporary_registration_is_undone():
    impostor_type = impostor("column_plugin_app.temporary", role="temporary")
    with register_column_temporarily(impostor_type):
        assert get_column_type("temporary") is impostor_type
    assert get_column_type("temporary") is None
    assert impostor_type not in get_column_types()


def test_a_searchable_type_registered_twice_differently_raises():
    assert (NewsPage, None) not in get_searchable_types()
    assert (ColumnItem, "publish_date") in get_searchable_types()
    register_searchable(ColumnItem, date_field="publish_date")  # the same again: fine
    with pytest.raises(ImproperlyConfigured, match=r"columns\.columnitem"):
        register_searchable(ColumnItem, date_field="first_published_at")
    with register_searchable_temporarily(NewsColumnPage):
        assert (NewsColumnPage, None) in get_searchable_types()
    assert (NewsColumnPage, None) not in get_searchable_types()


@pytest.mark.django_db
def test_search_finds_a_page_type_a_plugin_app_registered(home, chinese_backend):
    """tests/column_plugin_app registers SafetyMapPage; the search app was not told about it."""
    assert (SafetyMapPage, "checked_on") in get_searchable_types()
    column = add_column(home, SafetyTipsColumnPage, "安全小贴士", "aqxts")
    page = column.add_child(instance=SafetyMapPage(title="消防安全地图", slug="xfaqdt", checked_on=date(2026, 3, 1)))
    page.save_revision().publish()

    result = search("消防安全地图")

    assert [hit.title for hit in result.hits] == ["消防安全地图"]
    assert result.hits[0].column == "安全小贴士"
    assert result.hits[0].published.date() == date(2026, 3, 1)


PLUGINS = Path(settings.BASE_DIR) / "columns" / "plugins"
PLUGIN_APP_TYPES = [
    model
    for model in get_column_types()
    if model.__module__.startswith("columns.plugins.") and model.__module__.endswith(".models")
]


@pytest.mark.parametrize("model", PLUGIN_APP_TYPES, ids=lambda model: model._meta.label)
def test_a_builtin_plugin_renders_templates_from_its_own_package(model):
    """columns/plugins/<name>/templates/<name>/…; 法治动态 borrows the news plugin's listing."""
    label = model.template.split("/")[0]
    assert label in {model._meta.app_label, "news"}
    origin = Path(get_template(model.template).origin.name)
    assert origin.is_relative_to(PLUGINS / label / "templates" / label)


def test_plugin_apps_are_installed_from_the_plugins_directory():
    packages = sorted(
        path.name for path in (Path(settings.BASE_DIR) / "columns" / "plugins").iterdir() if (path / "apps.py").exists()
    )
    assert [f"columns.plugins.{name}" for name in packages] == [
        app for app in settings.INSTALLED_APPS if app.startswith("columns.plugins.")
    ]
    assert issubclass(SafetyTipsColumnPage, ColumnPage) and SafetyTipsColumnPage in get_column_types()
