"""GET /documents/<id>/<file>: a unit's document stays private until a live page uses it or it is made public."""

import importlib

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

import portal.urls
from columns.plugins.news.models import NewsPage
from tests.columns.helpers import add_items
from tests.review.helpers import login

pytestmark = pytest.mark.django_db

Document = get_document_model()


@pytest.fixture
def unit_document(people):
    document = Document(
        title="公安局内部方案", collection=people.unit.collection, uploaded_by_user=people.correspondent
    )
    document.file.save("fangan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


@pytest.fixture
def debug_urls(settings):
    """The URLconf as the development server (DEBUG) builds it, which serves /media/ itself."""
    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


@pytest.fixture
def draft_item(people):
    item = add_items(people.news_column, NewsPage, 1, prefix="反诈宣传")[0]
    item.unpublish()
    return NewsPage.objects.get(pk=item.pk)


def attach(item, document):
    item.attachments = [("attachment", {"document": document, "title": ""})]
    return item.save_revision()


def status(client, document, user=None):
    if user is None:
        client.logout()
    else:
        login(client, user)
    return client.get(document.url).status_code


def test_documents_are_served_by_the_view_never_from_media(unit_document):
    assert unit_document.url == f"/documents/{unit_document.pk}/fangan.pdf"


def test_an_unused_unit_document_is_hidden_from_the_public_and_other_units(client, people, unit_document):
    assert status(client, unit_document) == 404
    assert status(client, unit_document, people.other_correspondent) == 404
    assert status(client, unit_document, people.correspondent) == 200
    assert status(client, unit_document, people.office) == 200
    response = client.get(unit_document.url)
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_document_is_public_while_a_live_page_uses_it_only(client, people, unit_document, draft_item):
    revision = attach(draft_item, unit_document)
    assert status(client, unit_document) == 404  # only a draft uses it
    revision.publish()
    assert status(client, unit_document) == 200
    NewsPage.objects.get(pk=draft_item.pk).unpublish()
    assert status(client, unit_document) == 404


def test_a_new_draft_of_a_live_page_does_not_publish_its_document(client, people, unit_document):
    item = add_items(people.news_column, NewsPage, 1, prefix="反诈宣传")[0]
    attach(item, unit_document)
    assert NewsPage.objects.get(pk=item.pk).live
    assert status(client, unit_document) == 404


def test_a_page_readable_only_after_login_does_not_make_its_document_public(client, people, unit_document, draft_item):
    attach(draft_item, unit_document).publish()
    PageViewRestriction.objects.create(page=draft_item, restriction_type=PageViewRestriction.LOGIN)
    assert status(client, unit_document) == 404


def test_an_editor_makes_a_document_public_by_moving_it_to_the_public_collection(client, people, unit_document):
    public = Collection.objects.get(name="公开文件")
    login(client, people.office)
    response = client.post(
        f"/admin/documents/edit/{unit_document.pk}/", {"title": unit_document.title, "collection": public.pk}
    )
    assert response.status_code == 302
    assert status(client, unit_document) == 200


def test_a_correspondent_cannot_make_their_document_public(client, people, unit_document):
    public = Collection.objects.get(name="公开文件")
    login(client, people.correspondent)
    client.post(f"/admin/documents/edit/{unit_document.pk}/", {"title": unit_document.title, "collection": public.pk})
    unit_document.refresh_from_db()
    assert unit_document.collection == people.unit.collection
    assert status(client, unit_document) == 404


def test_only_the_committees_editors_may_put_files_into_the_public_collection():
    public = Collection.objects.get(name="公开文件")
    assert public.get_parent() == Collection.get_first_root_node()
    assert not Group.objects.filter(name__startswith="报送单位：", collection_permissions__collection=public).exists()


def test_the_development_server_serves_media_but_never_the_documents_files(client, people, unit_document, debug_urls):
    name = unit_document.file.storage.save("images/logo.txt", ContentFile(b"logo"))
    assert client.get(f"/media/{name}").status_code == 200
    assert client.get(f"/media/{unit_document.file.name}").status_code == 404
    assert status(client, unit_document, people.correspondent) == 200
