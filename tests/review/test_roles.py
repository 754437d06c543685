"""The default role groups: exactly the permissions of review/roles.py, and each role can do its job and no more."""

import io
from io import StringIO

import pytest
from PIL import Image as PILImage

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from review.roles import (
    LAWYER_GROUP,
    LEGAL_AID_REVIEWER_GROUP,
    MAILBOX_APPROVER_GROUP,
    MAILBOX_HANDLER_GROUP,
    MAILBOX_INTAKE_GROUP,
    OFFICE_GROUP,
    ROLES,
    SITE_ADMIN_GROUP,
    UNIT_ROLE,
)
from tests.review.helpers import login, make_user

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


def granted(group):
    """A group's model, page and collection permissions, comparable with a role of the table."""
    model = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    pages = {
        (grant.page_id, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }
    files = {
        (grant.collection_id, f"{grant.permission.content_type.app_label}.{grant.permission.codename}")
        for grant in GroupCollectionPermission.objects.filter(group=group).select_related("permission__content_type")
    }
    return model, pages, files


def expected(role, pages, collection):
    return (
        set(role.permissions),
        {(page.pk, codename) for page in pages for codename in role.page_permissions},
        {(collection.pk, dotted) for dotted in role.collection_permissions},
    )


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 80, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf(name="fangan.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def upload_document(client, title, collection):
    return client.post("/admin/documents/add/", {"title": title, "file": pdf(), "collection": collection.pk})


def chooser_titles(client, model_name):
    return client.get(f"/admin/{model_name}/chooser/").json()["html"]


def test_every_role_group_exists_with_exactly_the_permissions_of_the_table():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for role in ROLES:
        assert granted(Group.objects.get(name=role.group)) == expected(role, [root_page], root_collection), role.group


def test_the_table_names_the_groups_the_code_looks_for():
    names = {role.group for role in ROLES}
    assert {"办公室审核员", "信息检查员", "分管领导", "书记信箱受理员", "书记信箱承办人员", "书记信箱审批领导"} <= names
    assert {"法律援助审查员", "律师", "网站管理员"} <= names


def test_a_unit_group_adds_pages_in_its_columns_and_files_in_its_own_collection_only(people):
    unit = people.unit
    assert unit.collection.name == "测试市公安局" and unit.collection.get_parent() == Collection.get_first_root_node()
    assert granted(unit.group) == expected(UNIT_ROLE, [people.news_column], unit.collection)
    assert people.other_unit.collection != unit.collection


def test_sync_roles_restores_a_group_edited_by_hand_and_changes_nothing_when_run_again(people):
    office = Group.objects.get(name=OFFICE_GROUP)
    office.permissions.add(Permission.objects.get(codename="delete_user"))
    office.permissions.remove(Permission.objects.get(codename="view_report"))
    GroupCollectionPermission.objects.create(
        group=people.unit.group,
        collection=people.other_unit.collection,
        permission=Permission.objects.get(codename="choose_document"),
    )
    call_command("sync_roles", stdout=StringIO())
    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    role = next(role for role in ROLES if role.group == OFFICE_GROUP)
    assert granted(office) == expected(role, [root_page], root_collection)
    assert granted(people.unit.group) == expected(UNIT_ROLE, [people.news_column], people.unit.collection)
    before = [list(model.objects.order_by("pk").values()) for model in (GroupPagePermission, GroupCollectionPermission)]
    out = StringIO()
    call_command("sync_roles", stdout=out)
    assert "已同步" in out.getvalue()
    assert before == [
        list(model.objects.order_by("pk").values()) for model in (GroupPagePermission, GroupCollectionPermission)
    ]


def test_office_reviewer_uploads_a_document_and_an_image_and_chooses_them(client, people):
    login(client, people.office)
    root = Collection.get_first_root_node()
    assert upload_document(client, "活动方案", root).status_code == 302
    response = client.post("/admin/images/add/", {"title": "活动现场", "file": png(), "collection": root.pk})
    assert response.status_code == 302
    assert Document.objects.get(title="活动方案").collection == root
    assert Image.objects.get(title="活动现场").collection == root
    assert "活动方案" in chooser_titles(client, "documents")
    assert "活动现场" in chooser_titles(client, "images")


def test_office_reviewer_chooses_the_files_of_every_unit(client, people):
    login(client, people.correspondent)
    upload_document(client, "公安局附件", people.unit.collection)
    login(client, people.other_correspondent)
    upload_document(client, "司法局附件", people.other_unit.collection)
    login(client, people.office)
    html = chooser_titles(client, "documents")
    assert "公安局附件" in html and "司法局附件" in html


def test_a_correspondent_uploads_into_their_units_collection_and_never_sees_another_units(client, people):
    login(client, people.other_correspondent)
    assert upload_document(client, "司法局内部材料", people.other_unit.collection).status_code == 302
    other = Document.objects.get(title="司法局内部材料")

    login(client, people.correspondent)
    form = client.get("/admin/documents/add/").content.decode()
    assert "测试市司法局" not in form  # the only collection offered is the unit's own, so the field is hidden
    upload_document(client, "越权上传", people.other_unit.collection)  # the posted collection is not honoured
    assert not Document.objects.filter(collection=people.other_unit.collection, title="越权上传").exists()
    assert upload_document(client, "公安局附件", people.unit.collection).status_code == 302
    assert Document.objects.get(title="公安局附件").collection == people.unit.collection
    response = client.post(
        "/admin/images/add/", {"title": "公安局图片", "file": png(), "collection": people.unit.collection.pk}
    )
    assert response.status_code == 302 and Image.objects.get(title="公安局图片").collection == people.unit.collection

    html = chooser_titles(client, "documents")
    assert "公安局附件" in html and "司法局内部材料" not in html
    assert "公安局图片" in chooser_titles(client, "images")
    assert client.get(f"/admin/documents/edit/{other.pk}/").status_code == 302  # permission denied
    assert "司法局内部材料" not in client.get("/admin/documents/").content.decode()


def test_the_checker_and_the_final_leader_choose_files_but_upload_none(client, people):
    for user in (people.checker, people.final):
        login(client, user)
        assert client.get("/admin/documents/chooser/").status_code == 200
        assert client.get("/admin/documents/add/").status_code == 302  # permission denied
        assert client.get("/admin/images/add/").status_code == 302
        assert upload_document(client, "无权上传", Collection.get_first_root_node()).status_code == 302
    assert not Document.objects.filter(title="无权上传").exists()


ALLOWED = 200
DENIED = (302, 403)
ACCESS = [
    # (group, url, allowed)
    (MAILBOX_INTAKE_GROUP, "/admin/mailbox/", True),
    (MAILBOX_HANDLER_GROUP, "/admin/mailbox/", True),
    (MAILBOX_APPROVER_GROUP, "/admin/mailbox/", True),
    (LAWYER_GROUP, "/admin/mailbox/", False),
    (SITE_ADMIN_GROUP, "/admin/mailbox/", False),
    (LEGAL_AID_REVIEWER_GROUP, "/admin/snippets/legal_services/legalaidapplication/", True),
    (LAWYER_GROUP, "/admin/snippets/legal_services/legalaidapplication/", True),
    (MAILBOX_INTAKE_GROUP, "/admin/snippets/legal_services/legalaidapplication/", False),
    (LEGAL_AID_REVIEWER_GROUP, "/admin/snippets/legal_services/question/", True),
    (LAWYER_GROUP, "/admin/snippets/legal_services/question/", False),
    (SITE_ADMIN_GROUP, "/admin/users/", True),
    (OFFICE_GROUP, "/admin/users/", False),
    (SITE_ADMIN_GROUP, "/admin/snippets/portal/workdayadjustment/", True),
    (OFFICE_GROUP, "/admin/snippets/review/reportingunit/", True),
    (OFFICE_GROUP, "/admin/snippets/review/sensitiveword/", True),
    (SITE_ADMIN_GROUP, "/admin/snippets/review/reportingunit/", False),
    (OFFICE_GROUP, "/admin/assessment/", True),
    ("分管领导", "/admin/assessment/", True),
    ("信息检查员", "/admin/assessment/", False),
    (LAWYER_GROUP, "/admin/assessment/", False),
    (SITE_ADMIN_GROUP, "/admin/collections/", True),
    (OFFICE_GROUP, "/admin/collections/", False),
]


@pytest.mark.parametrize(("group", "url", "allowed"), ACCESS)
def test_each_role_reaches_its_own_admin_pages_and_not_the_others(client, home, group, url, allowed):
    login(client, make_user("someone", groups=[group]))
    status = client.get(url).status_code
    assert status == ALLOWED if allowed else status in DENIED, (group, url, status)


def test_the_site_admin_edits_the_site_identity(client, home):
    login(client, make_user("webmaster", groups=[SITE_ADMIN_GROUP]))
    site_id = home.get_site().pk
    assert client.get(f"/admin/settings/portal/siteidentity/{site_id}/").status_code == 200


def test_renaming_a_unit_renames_its_collection_and_dropping_reporting_keeps_its_files(client, people):
    login(client, people.correspondent)
    upload_document(client, "公安局附件", people.unit.collection)
    unit = people.unit
    collection = unit.collection
    unit.name = "测试市公安局（新）"
    unit.save()
    collection.refresh_from_db()
    assert collection.name == "测试市公安局（新）" and unit.group.name == "报送单位：测试市公安局（新）"
    unit.reports_items = False
    unit.handles_letters = True
    unit.save()
    assert unit.group is None
    assert Document.objects.get(title="公安局附件").collection == collection
    login(client, people.correspondent)
    assert client.get("/admin/documents/add/").status_code == 302
