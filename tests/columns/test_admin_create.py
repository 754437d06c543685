"""Switching a column on: the admin add form starts with the registered title, slug and menu place."""

import html as html_lib
from html.parser import HTMLParser

import pytest

from columns.registry import get_column_types
from portal.models import SiteIdentity

pytestmark = pytest.mark.django_db

COLUMN_TYPES = get_column_types()


class FormValues(HTMLParser):
    """What a browser would post for the page form as rendered (the first form with a ``title`` field)."""

    def __init__(self):
        super().__init__()
        self.values = []
        self.in_form = False
        self.done = False
        self.textarea = None
        self.select = None
        self.form_values = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done:
            self.in_form, self.form_values = True, []
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.form_values.append((name, attrs.get("value", "on")))
            elif kind not in {"submit", "button", "file", "image"}:
                self.form_values.append((name, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.form_values.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.form_values.append((self.textarea[0], html_lib.unescape(self.textarea[1]).lstrip("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form = False
            if any(name == "title" for name, _ in self.form_values):
                self.values, self.done = self.form_values, True


def form_values(page_html):
    parser = FormValues()
    parser.feed(page_html)
    data = {}
    for name, value in parser.values:
        data.setdefault(name, []).append(value)
    return data


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def expected_title(model):
    return model.column_name.replace("{city}", SiteIdentity.objects.get().city_short_name)


@pytest.mark.parametrize("model", COLUMN_TYPES, ids=[model._meta.label for model in COLUMN_TYPES])
def test_the_add_form_starts_with_the_registered_title_slug_and_menu_place(admin_client, home, model):
    response = admin_client.get(add_url(model, home))
    assert response.status_code == 200
    values = form_values(response.content.decode())
    assert values["title"] == [expected_title(model)]
    assert values["slug"] == [model.default_slug]
    assert values.get("show_in_menus") == ["on"]


@pytest.mark.parametrize("model", COLUMN_TYPES, ids=[model._meta.label for model in COLUMN_TYPES])
def test_posting_the_prefilled_form_creates_the_column_in_the_navigation(admin_client, client, home, model):
    url = add_url(model, home)
    data = form_values(admin_client.get(url).content.decode())
    response = admin_client.post(url, {**data, "action-publish": "publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    column = model.objects.child_of(home).get()
    assert (column.title, column.slug, column.show_in_menus, column.live) == (
        expected_title(model),
        model.default_slug,
        True,
        True,
    )
    navigation = client.get("/").content.decode()
    assert f'href="/{model.default_slug}/"' in navigation and expected_title(model) in navigation


def test_the_title_follows_the_city_of_the_site(admin_client, home):
    from columns.plugins.news.models import RuleOfLawColumnPage

    SiteIdentity.objects.update(city_short_name="清江")
    values = form_values(admin_client.get(add_url(RuleOfLawColumnPage, home)).content.decode())
    assert values["title"] == ["法治清江"] and values["slug"] == ["fzjs"]


def test_the_edit_form_keeps_what_the_editor_chose(admin_client, home):
    from columns.plugins.tips.models import TipColumnPage
    from tests.columns.helpers import add_column

    column = add_column(home, TipColumnPage, "温馨提示", "wxts")
    TipColumnPage.objects.filter(pk=column.pk).update(show_in_menus=False)
    values = form_values(admin_client.get(f"/admin/pages/{column.pk}/edit/").content.decode())
    assert values["title"] == ["温馨提示"] and values["slug"] == ["wxts"] and "show_in_menus" not in values
