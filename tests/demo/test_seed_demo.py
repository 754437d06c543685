"""The demo content command: builds a browsable site, and a second run changes nothing."""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from columns.models import ColumnItem, ColumnPage
from columns.registry import get_column_types
from demo import content as demo_content
from home.models import HomePage
from portal.models import SiteIdentity

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": sorted(get_image_model().objects.values_list("id", "file")),
        "users": sorted(get_user_model().objects.values_list("id", "username", "password")),
        "identity": list(SiteIdentity.objects.values()),
        "sites": list(Site.objects.values()),
    }


def seed(monkeypatch, capsys, password="s3cret-Demo-pass"):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", password)
    call_command("seed_demo")
    return capsys.readouterr().out


def test_seed_builds_the_site_with_columns_items_images_and_admin(client, monkeypatch, capsys):
    seed(monkeypatch, capsys)
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome").exists()
    existing_types = [model for model in get_column_types() if not model.planned]
    assert {type(page.specific) for page in ColumnPage.objects.child_of(home).live()} == set(existing_types)
    expected_items = sum(len(column["items"]) for column in demo_content.COLUMNS)
    assert ColumnItem.objects.live().count() >= expected_items
    for column in ColumnPage.objects.child_of(home).specific():
        assert Page.objects.descendant_of(column).live().exists(), f"{column.title} has no demo content"
    assert get_image_model().objects.count() >= len(demo_content.BANNER_SLIDES)
    assert home.banner_slides.count() == len(demo_content.BANNER_SLIDES)
    assert SiteIdentity.for_site(home.get_site()).site_code

    # The columns, and so the menu, in the committee's order (首页, 政法要闻, 法治…, 平安…, 以案说法, …).
    slugs = [page.slug for page in ColumnPage.objects.child_of(home).order_by("path")]
    committee = ["zfyw", "fzqj", "paqj", "yasf", "dwjs", "zfwh", "dcyj", "tzgg", "zwgk", "jggk", "ztzl", "yyzf"]
    assert slugs[: len(committee)] == committee  # other column types (plugins of other apps) come after

    html = client.get("/").content.decode()
    assert "中共清江市委政法委员会" in html and "3301000099" in html
    nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
    titles = [ColumnPage.objects.get(slug=slug).title for slug in committee]
    assert [nav.index(title) for title in titles] == sorted(nav.index(title) for title in titles)
    for column in demo_content.COLUMNS[:2]:
        assert column["title"] in html
    response = client.post("/admin/login/", {"username": "admin", "password": "s3cret-Demo-pass"})
    assert response.status_code == 302 and client.get("/admin/").status_code == 200


def test_seed_twice_changes_nothing(monkeypatch, capsys):
    seed(monkeypatch, capsys)
    first = snapshot()
    output = seed(monkeypatch, capsys, password="another-password-123")
    assert snapshot() == first
    assert "0 objects created" in output


def test_seed_prints_a_generated_admin_password_once(monkeypatch, capsys):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    call_command("seed_demo")
    first = capsys.readouterr().out
    assert "Admin account created: admin / " in first
    password = first.split("Admin account created: admin / ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").check_password(password)
    call_command("seed_demo")
    assert password not in capsys.readouterr().out


def test_seed_with_planned_enables_and_fills_the_planned_columns(client, monkeypatch, capsys):
    seed(monkeypatch, capsys)
    home = HomePage.objects.get()
    planned_types = {model for model in get_column_types() if model.planned}
    assert planned_types, "the six planned columns are registered"
    assert not any(type(page.specific) in planned_types for page in ColumnPage.objects.child_of(home))

    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "s3cret-Demo-pass")
    call_command("seed_demo", "--planned")
    planned_columns = [page for page in ColumnPage.objects.child_of(home).live().specific() if page.planned]
    assert {type(page) for page in planned_columns} == planned_types
    for column in planned_columns:
        assert client.get(column.url).status_code == 200
        assert Page.objects.descendant_of(column).live().exists(), f"{column.title} has no demo content"
