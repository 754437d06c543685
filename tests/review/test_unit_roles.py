"""One list of units: a unit reports items, handles the mailbox's letters, or both.

Also the upgrade: the mailbox's old 承办单位 (HandlingUnit) merge into the shared list by name.
"""

from io import BytesIO

import pytest
from openpyxl import Workbook

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from mailbox import workflow
from mailbox.models import Letter, Status
from review.contacts import HEADERS
from review.models import ReportedItem, ReportingUnit
from tests.mailbox.helpers import ADMIN_URL, letter_unit, make_letter, make_staff
from tests.review.helpers import submit_item

ROLE_ERROR = "请至少选择一项：报送信息或承办来信。"


# Roles and the review's groups


@pytest.mark.django_db
def test_a_letters_only_unit_gets_no_reporting_group():
    unit = letter_unit("市信访局")
    assert unit.group is None
    assert not Group.objects.filter(name="报送单位：市信访局").exists()


@pytest.mark.django_db
def test_switching_reporting_off_removes_the_units_group(people):
    group_id = people.unit.group_id
    assert people.correspondent.groups.filter(pk=group_id).exists()
    people.unit.reports_items = False
    people.unit.handles_letters = True
    people.unit.save()
    people.unit.refresh_from_db()
    assert people.unit.group is None
    assert not Group.objects.filter(pk=group_id).exists()
    assert not people.correspondent.groups.exists()
    people.unit.reports_items = True
    people.unit.save()
    assert people.unit.group.name == "报送单位：测试市公安局"
    assert people.correspondent.groups.filter(pk=people.unit.group_id).exists()


@pytest.mark.django_db
def test_the_unit_form_refuses_a_unit_without_a_role(admin_client):
    response = admin_client.post(
        "/admin/snippets/review/reportingunit/add/",
        {
            "name": "无角色单位",
            "category": "other",
            "sort_order": "100",
            "members-TOTAL_FORMS": "0",
            "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "0",
            "members-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert ROLE_ERROR in response.content.decode()
    assert not ReportingUnit.objects.filter(name="无角色单位").exists()


@pytest.mark.django_db
def test_the_unit_edit_view_shows_the_letter_panel(admin_client):
    unit = letter_unit("市信访局")
    html = admin_client.get(f"/admin/snippets/review/reportingunit/edit/{unit.pk}/").content.decode()
    assert "承办来信" in html and "承办人员" in html and "报送信息" in html


# A unit with both roles


@pytest.mark.django_db
def test_a_unit_with_both_roles_handles_its_letters_and_reports_items(client, people):
    unit = people.unit
    unit.handles_letters = True
    unit.save()
    unit.letter_handlers.add(people.correspondent)
    people.correspondent.user_permissions.add(Permission.objects.get(codename="reply_letter"))
    mail_office = make_staff("mailoffice", "handle_letter", "view_letter")
    letter, _ = make_letter(title="转办给公安局的来信标题")

    # The office routes the letter to the unit through the admin, as before.
    client.force_login(mail_office)
    client.post(f"{ADMIN_URL}letters/{letter.pk}/accept/")
    html = client.get(f"{ADMIN_URL}letters/{letter.pk}/").content.decode()
    assert "测试市公安局" in html and "测试市司法局" not in html  # only letter-handling units are offered
    response = client.post(
        f"{ADMIN_URL}letters/{letter.pk}/forward/",
        {"forward-unit": unit.pk, "forward-deadline": letter.due_date.isoformat()},
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Status.FORWARDED and letter.unit == unit
    assert list(unit.letters.all()) == [letter]

    # The unit's person sees the letter and drafts the reply ...
    client.force_login(people.correspondent)
    assert "转办给公安局的来信标题" in client.get(ADMIN_URL).content.decode()
    client.post(f"{ADMIN_URL}letters/{letter.pk}/draft/", {"draft-reply": "已安排民警核查处理。"})
    letter.refresh_from_db()
    assert letter.status == Status.DRAFTED and letter.reply_unit_name == "测试市公安局"

    # ... and still reports items for the same unit.
    page = submit_item(client, people.correspondent, people.news_column)
    assert ReportedItem.objects.get(page=page).unit == unit


@pytest.mark.django_db
def test_a_letters_only_handler_does_not_see_other_units_letters(client, people):
    office = make_staff("mailoffice", "handle_letter", "view_letter")
    ours, theirs = letter_unit("市信访局"), letter_unit("市城管局")
    handler = make_staff("handler", "reply_letter", units=[ours])
    letter, _ = make_letter(title="转办给城管局的来信标题")
    workflow.accept(letter, office)
    workflow.forward(letter, office, theirs, letter.due_date)
    client.force_login(handler)
    assert client.get(f"{ADMIN_URL}letters/{letter.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_demo_gives_an_existing_unit_of_the_same_name_the_letter_role():
    existing = ReportingUnit.objects.create(name="清江市公安局", category=ReportingUnit.CATEGORY_KEY)
    get_user_model().objects.create_superuser("admin", "admin@example.com", "x-secret-123456")
    call_command("seed_mailbox_demo")
    call_command("seed_mailbox_demo")
    existing.refresh_from_db()
    assert existing.handles_letters and existing.reports_items and existing.group is not None
    assert ReportingUnit.objects.filter(handles_letters=True).count() == 3
    created = ReportingUnit.objects.get(name="清江市河西街道办事处")
    assert not created.reports_items and created.category == "other" and created.group is None


# The upgrade from the mailbox's own units


BEFORE = [("mailbox", "0001_initial"), ("review", "0002_default_workflow")]


def _letter(Letter, n, unit):
    return Letter.objects.create(
        number=f"SJ2026{n:04d}",
        query_code_hash="x",
        submission_key=f"key-{n}",
        name="李四",
        phone="13800000000",
        category="consult",
        title=f"来信{n}",
        content="内容",
        due_date="2026-12-31",
        unit=unit,
    )


@pytest.mark.django_db(transaction=True)
def test_the_upgrade_merges_handling_units_into_the_shared_list():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate(BEFORE)
        old = executor.loader.project_state(BEFORE).apps
        User = old.get_model("auth", "User")
        HandlingUnit = old.get_model("mailbox", "HandlingUnit")
        OldReportingUnit = old.get_model("review", "ReportingUnit")
        OldLetter = old.get_model("mailbox", "Letter")
        handler = User.objects.create(username="handler")
        OldReportingUnit.objects.create(name="市公安局", category="key", phone="")
        OldReportingUnit.objects.create(name="青石镇", category="township", phone="0571-1111")
        police = HandlingUnit.objects.create(name="市公安局", contact_phone="0571-2222")
        town = HandlingUnit.objects.create(name="青石镇", contact_phone="0571-3333")
        petitions = HandlingUnit.objects.create(name="市信访局", contact_phone="0571-4444")
        for unit in (police, petitions):
            unit.members.add(handler)
        _letter(OldLetter, 1, police)
        _letter(OldLetter, 2, town)
        _letter(OldLetter, 3, petitions)
        _letter(OldLetter, 4, None)

        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(leaves)

        units = {unit.name: unit for unit in ReportingUnit.objects.all()}
        assert set(units) == {"市公安局", "青石镇", "市信访局"}
        assert units["市公安局"].category == "key" and units["市公安局"].reports_items
        assert units["市公安局"].phone == "0571-2222"  # an empty phone takes the contact phone
        assert units["青石镇"].phone == "0571-1111"  # a unit's own phone stays
        new = units["市信访局"]
        assert new.category == "other" and not new.reports_items and new.phone == "0571-4444"
        assert all(unit.handles_letters for unit in units.values())
        assert [u.username for u in units["市公安局"].letter_handlers.all()] == ["handler"]
        assert [u.username for u in new.letter_handlers.all()] == ["handler"]
        assert not units["青石镇"].letter_handlers.exists()
        letters = {letter.number: letter.unit.name if letter.unit else None for letter in Letter.objects.all()}
        assert letters == {
            "SJ20260001": "市公安局",
            "SJ20260002": "青石镇",
            "SJ20260003": "市信访局",
            "SJ20260004": None,
        }
        assert "mailbox_handlingunit" not in connection.introspection.table_names()
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_importing_contacts_into_a_letters_only_unit_makes_it_report(admin_client, home):
    unit = letter_unit("测试镇")
    workbook = Workbook()
    workbook.active.append(HEADERS)
    workbook.active.append(["乡镇", "测试镇", "分管领导", "李副镇长", "副镇长", "0571-88001234", "", "", "", "", ""])
    buffer = BytesIO()
    workbook.save(buffer)
    response = admin_client.post(
        "/admin/review/contacts/import/", {"file": SimpleUploadedFile("通讯录.xlsx", buffer.getvalue())}
    )
    assert response.status_code == 200
    unit.refresh_from_db()
    assert unit.reports_items and unit.handles_letters
    assert unit.group.name == "报送单位：测试镇"
