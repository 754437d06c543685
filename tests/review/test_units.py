"""Reporting units and their people: groups, allowed columns, what a correspondent may see and do."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Workflow

from columns.plugins.news.models import NewsPage
from columns.plugins.notices.models import NoticePage
from review.models import ReportedItem, ReportingUnit, UnitMember
from tests.review.helpers import add_item_url, item_data, login, submit_item

pytestmark = pytest.mark.django_db


def test_default_workflow_is_installed_on_the_tree(home):
    workflow = Workflow.objects.get(name="信息报送审核流程")
    assert [task.name for task in workflow.tasks] == [
        "报前初审（报送单位领导签字）",
        "录入前再审（办公室）",
        "录入后检查",
        "终审（分管领导）",
    ]
    assert home.get_workflow() == workflow
    assert {"办公室审核员", "信息检查员", "分管领导"} <= set(Group.objects.values_list("name", flat=True))


def test_unit_group_follows_the_unit(people):
    unit = people.unit
    group = unit.group
    assert group.name == "报送单位：测试市公安局"
    assert set(group.user_set.all()) == {people.correspondent, people.leader}
    perms = GroupPagePermission.objects.filter(group=group)
    assert {(p.page_id, p.permission.codename) for p in perms} == {(people.news_column.pk, "add_page")}

    unit.allowed_columns.set([people.notice_column])
    unit.name = "测试市公安局（改名）"
    unit.save()
    group.refresh_from_db()
    assert group.name == "报送单位：测试市公安局（改名）"
    perms = GroupPagePermission.objects.filter(group=group)
    assert {(p.page_id, p.permission.codename) for p in perms} == {(people.notice_column.pk, "add_page")}

    UnitMember.objects.filter(user=people.leader).update(user=None)
    unit.save()
    assert set(group.user_set.all()) == {people.correspondent}


def test_unit_is_managed_in_the_admin(admin_client, people):
    response = admin_client.get("/admin/snippets/review/reportingunit/")
    assert response.status_code == 200
    assert "测试市公安局" in response.content.decode()
    response = admin_client.get(f"/admin/snippets/review/reportingunit/edit/{people.unit.pk}/")
    assert response.status_code == 200
    assert "可报送栏目" in response.content.decode() and "信息员" in response.content.decode()


def test_correspondent_drafts_in_an_allowed_column_and_it_belongs_to_the_unit(client, people):
    page = submit_item(client, people.correspondent, people.news_column)
    reported = ReportedItem.objects.get(page=page)
    assert reported.unit == people.unit and reported.correspondent.user == people.correspondent
    assert not page.live
    assert page.current_workflow_task.name == "报前初审（报送单位领导签字）"


def test_correspondent_cannot_create_in_another_column(client, people):
    login(client, people.correspondent)
    response = client.get(add_item_url(people.notice_column, NoticePage))
    assert response.status_code in (302, 403)
    response = client.post(add_item_url(people.notice_column, NoticePage), item_data(action=None))
    assert response.status_code in (302, 403)
    assert not NoticePage.objects.exists()


def test_correspondent_cannot_publish(client, people):
    login(client, people.correspondent)
    client.post(add_item_url(people.news_column), item_data(action="action-publish"))
    page = NewsPage.objects.filter(slug="fzxc").first()
    assert page is None or not page.live
    assert not NewsPage.objects.filter(live=True, slug="fzxc").exists()


def test_correspondent_cannot_see_other_units_drafts(client, people):
    people.other_unit.allowed_columns.set([people.news_column, people.notice_column])
    people.other_unit.save()
    theirs = submit_item(client, people.other_correspondent, people.news_column, slug="qita", title="司法局的草稿")
    ours = submit_item(client, people.correspondent, people.news_column, slug="benbu", title="公安局的草稿")
    login(client, people.correspondent)
    listing = client.get(f"/admin/pages/{people.news_column.pk}/").content.decode()
    assert ours.title in listing
    assert theirs.title not in listing
    search = client.get(f"/admin/pages/{people.news_column.pk}/?q=草稿").content.decode()
    assert theirs.title not in search
    assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{theirs.pk}/view_draft/").status_code in (302, 403)


def test_other_units_draft_has_no_explorer_listing(client, people):
    people.other_unit.allowed_columns.set([people.news_column, people.notice_column])
    people.other_unit.save()
    theirs = submit_item(client, people.other_correspondent, people.news_column, slug="qita", title="司法局的秘密草稿")
    ours = submit_item(client, people.correspondent, people.news_column, slug="benbu", title="公安局的草稿")
    login(client, people.correspondent)
    for url in (f"/admin/pages/{theirs.pk}/", f"/admin/pages/{theirs.pk}/results/", f"/admin/pages/{theirs.pk}/?q=x"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert theirs.title not in response.content.decode()
    assert client.get(f"/admin/pages/{ours.pk}/").status_code == 200
    api = client.get(f"/admin/api/main/pages/{theirs.pk}/")
    assert theirs.title not in api.content.decode(), api.status_code
    api = client.get(f"/admin/api/main/pages/?child_of={theirs.pk}")
    assert theirs.title not in api.content.decode()
    login(client, people.other_correspondent)
    assert theirs.title in client.get(f"/admin/pages/{theirs.pk}/").content.decode()


def test_global_admin_search_hides_other_units_drafts(client, people):
    people.other_unit.allowed_columns.set([people.news_column, people.notice_column])
    people.other_unit.save()
    theirs = submit_item(client, people.other_correspondent, people.news_column, slug="qita", title="司法局 草稿")
    ours = submit_item(client, people.correspondent, people.news_column, slug="benbu", title="公安局 草稿")
    login(client, people.correspondent)
    for url in ["/admin/pages/search/?q=草稿", "/admin/pages/search/results/?q=草稿"]:
        html = client.get(url).content.decode()
        assert ours.title in html and theirs.title not in html, url
    login(client, people.other_correspondent)
    assert theirs.title in client.get("/admin/pages/search/?q=草稿").content.decode()


def test_leader_of_the_unit_sees_the_units_drafts(client, people):
    ours = submit_item(client, people.correspondent, people.news_column, slug="benbu", title="公安局的草稿")
    login(client, people.other_leader)
    assert ours.title not in client.get(f"/admin/pages/{people.news_column.pk}/").content.decode()
    login(client, people.leader)
    assert ours.title in client.get(f"/admin/pages/{people.news_column.pk}/").content.decode()


def test_new_unit_needs_a_category(admin_client, home):
    assert not ReportingUnit.objects.exists()
    response = admin_client.post(
        "/admin/snippets/review/reportingunit/add/",
        {
            "name": "测试镇",
            "category": "",
            "sort_order": "1",
            "reports_items": "on",
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert not ReportingUnit.objects.exists()


def test_unit_with_reported_items_cannot_be_deleted_and_an_empty_one_takes_its_group(admin_client, client, people):
    submit_item(client, people.correspondent, people.news_column)
    response = admin_client.post(f"/admin/snippets/review/reportingunit/delete/{people.unit.pk}/")
    assert response.status_code in (200, 302)
    assert ReportingUnit.objects.filter(pk=people.unit.pk).exists()

    group_id = people.other_unit.group_id
    response = admin_client.post(f"/admin/snippets/review/reportingunit/delete/{people.other_unit.pk}/")
    assert response.status_code == 302
    assert not ReportingUnit.objects.filter(pk=people.other_unit.pk).exists()
    assert not Group.objects.filter(pk=group_id).exists()
    assert not people.other_correspondent.groups.exists()


def test_unit_created_in_the_admin_gets_its_group(admin_client, people):
    data = {
        "name": "测试镇",
        "category": "township",
        "address": "",
        "phone": "",
        "sort_order": "1",
        "reports_items": "on",
        "allowed_columns": [str(people.notice_column.pk)],
        "members-TOTAL_FORMS": "1",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
        "members-0-role": "correspondent",
        "members-0-name": "钱信息",
        "members-0-position": "",
        "members-0-phone": "13900000009",
        "members-0-qq": "",
        "members-0-wechat": "",
        "members-0-office": "党政办",
        "members-0-email": "",
        "members-0-user": "",
        "members-0-id": "",
        "members-0-ORDER": "1",
        "members-0-DELETE": "",
    }
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("qxx", password="x" * 12)
    data["members-0-user"] = str(user.pk)
    response = admin_client.post("/admin/snippets/review/reportingunit/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = ReportingUnit.objects.get(name="测试镇")
    assert unit.members.get().user == user
    perms = GroupPagePermission.objects.filter(group=unit.group)
    assert {(p.page_id, p.permission.codename) for p in perms} == {(people.notice_column.pk, "add_page")}
    assert user.groups.filter(pk=unit.group.pk).exists()

    data["members-0-phone"] = "12"
    data["name"] = "测试乡"
    response = admin_client.post("/admin/snippets/review/reportingunit/add/", data)
    assert response.status_code == 200
    assert not ReportingUnit.objects.filter(name="测试乡").exists()


def test_page_chooser_hides_other_units_drafts(client, people):
    people.other_unit.allowed_columns.set([people.news_column, people.notice_column])
    people.other_unit.save()
    theirs = submit_item(client, people.other_correspondent, people.news_column, slug="qita", title="司法局的草稿")
    login(client, people.correspondent)
    response = client.get(f"/admin/choose-page/{people.news_column.pk}/")
    assert response.status_code == 200
    assert theirs.title not in response.json()["html"]
    login(client, people.other_correspondent)
    assert theirs.title in client.get(f"/admin/choose-page/{people.news_column.pk}/").json()["html"]


def test_default_workflow_and_its_tasks_are_editable_in_the_admin(admin_client, home):
    workflow = Workflow.objects.get(name="信息报送审核流程")
    response = admin_client.get(f"/admin/workflows/edit/{workflow.pk}/")
    assert response.status_code == 200
    assert "录入后检查" in response.content.decode()
    for task in workflow.tasks.specific():
        assert admin_client.get(f"/admin/workflows/tasks/edit/{task.pk}/").status_code == 200
    response = admin_client.get("/admin/workflows/tasks/select_type/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "报送单位领导签字" in html and "录入后自动检查" in html
