"""书记信箱, the staff side: the inbox, each step of the workflow, permissions, attachments and the dashboard."""

from datetime import timedelta

import pytest
import time_machine

from django.core import mail
from django.utils import timezone

from wagtail.models import ModelLogEntry

from mailbox import workflow
from mailbox.models import Letter, Status
from portal.workdays import add_workdays
from review.models import ReportingUnit
from tests.mailbox.helpers import (
    ADMIN_URL,
    NOW,
    WRITE_URL,
    letter_data,
    make_letter,
    make_staff,
    pdf_bytes,
    png_bytes,
    replied_letter,
    upload,
)

pytestmark = pytest.mark.django_db


def letter_url(letter):
    return f"{ADMIN_URL}letters/{letter.pk}/"


def step(client, letter, name, **data):
    return client.post(f"{letter_url(letter)}{name}/", {f"{name}-{key}": value for key, value in data.items()})


def status_of(letter):
    letter.refresh_from_db()
    return letter.status


# The whole way through the admin


def test_a_letter_goes_from_receipt_to_a_published_reply(client, office, leader, unit, unit_staff):
    letter, _code = make_letter()
    client.force_login(office)
    assert step(client, letter, "accept").status_code == 302 and status_of(letter) == Status.ACCEPTED
    deadline = letter.due_date
    step(client, letter, "forward", unit=unit.pk, deadline=deadline.isoformat(), note="请核实")
    assert status_of(letter) == Status.FORWARDED and letter.unit == unit and letter.unit_deadline == deadline

    client.force_login(unit_staff)
    step(client, letter, "draft", reply="已安排执法队员每日巡查。")
    assert status_of(letter) == Status.DRAFTED and letter.reply_unit_name == "青石镇人民政府"

    client.force_login(leader)
    step(client, letter, "return", note="请写明巡查时间")
    assert status_of(letter) == Status.FORWARDED
    client.force_login(unit_staff)
    step(client, letter, "draft", reply="已安排执法队员每日7时至9时巡查。")
    client.force_login(leader)
    step(client, letter, "approve")
    assert status_of(letter) == Status.REPLIED and letter.approved_by == leader
    assert letter.answered_at is not None and letter.answer_workdays == 0
    assert letter.rating_deadline == add_workdays(letter.answered_at, 20)

    actions = list(letter.events.values_list("action", "user__username"))
    assert actions == [
        ("submitted", None),
        ("accepted", "office"),
        ("forwarded", "office"),
        ("drafted", "unitstaff"),
        ("returned", "leader"),
        ("drafted", "unitstaff"),
        ("replied", "leader"),
    ]
    assert ModelLogEntry.objects.filter(action="mailbox.replied", user=leader).exists()
    html = client.get(letter_url(letter)).content.decode()
    assert "请写明巡查时间" in html and "已安排执法队员每日7时至9时巡查。" in html and "已答复" in html


def test_refusing_a_letter_needs_a_reason_and_answers_the_writer(client, office, django_capture_on_commit_callbacks):
    letter, _code = make_letter(email="li@example.com")
    client.force_login(office)
    response = step(client, letter, "reject", reason="litigation", note="")
    assert response.status_code == 400 and "请填写告知来信人的说明。" in response.content.decode()
    assert status_of(letter) == Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        step(client, letter, "reject", reason="litigation", note="该事项已由法院立案审理，请通过诉讼程序主张权利。")
    assert status_of(letter) == Status.REJECTED and letter.reject_reason == "litigation"
    assert letter.answered_at is not None
    assert [message.subject for message in mail.outbox] == [f"您的来信不予受理（{letter.number}）"]


def test_a_step_that_is_not_possible_now_changes_nothing(client, office, leader):
    letter, _code = make_letter()
    client.force_login(leader)
    response = step(client, letter, "approve")
    assert response.status_code == 302 and status_of(letter) == Status.SUBMITTED
    client.force_login(office)
    step(client, letter, "accept")
    step(client, letter, "accept")
    assert "现在不能对这封来信进行“受理”操作" in client.get(letter_url(letter)).content.decode()
    assert status_of(letter) == Status.ACCEPTED and letter.events.filter(action="accepted").count() == 1


def test_the_unit_deadline_cannot_pass_the_reply_deadline(client, office, unit):
    letter, _code = make_letter()
    workflow.accept(letter, office)
    client.force_login(office)
    late = add_workdays(letter.due_date, 1)
    response = step(client, letter, "forward", unit=unit.pk, deadline=late.isoformat())
    assert response.status_code == 302 and status_of(letter) == Status.ACCEPTED
    html = client.get(letter_url(letter)).content.decode()
    assert "承办期限不能晚于来信的答复期限" in html and "申请延期" in html


def test_forwarding_notifies_the_unit_after_commit(
    client, office, unit, unit_staff, django_capture_on_commit_callbacks
):
    letter, _code = make_letter()
    workflow.accept(letter, office)
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        step(client, letter, "forward", unit=unit.pk, deadline=letter.due_date.isoformat())
    assert [message.to for message in mail.outbox] == [[unit_staff.email]]
    assert letter.number in mail.outbox[0].subject


# Extensions


def test_an_extension_moves_the_deadline_only_when_a_leader_approves_it(client, office, leader, unit, unit_staff):
    with time_machine.travel(NOW, tick=False):
        letter, _code = make_letter()
        workflow.accept(letter, office)
        workflow.forward(letter, office, unit, letter.due_date)
        original = letter.due_date
        client.force_login(unit_staff)
        step(client, letter, "extend", workdays=5, reason="需要实地核查")
        letter.refresh_from_db()
        assert letter.due_date == original and letter.pending_extension is not None
        response = step(client, letter, "extend", workdays=3, reason="再申请一次")
        assert letter.extensions.count() == 1 and response.status_code == 302

        client.force_login(leader)
        step(client, letter, "approve_extension", note="同意")
        letter.refresh_from_db()
        assert letter.due_date == add_workdays(original, 5)
        assert letter.unit_deadline == add_workdays(original, 5)

        client.force_login(unit_staff)
        step(client, letter, "extend", workdays=2, reason="还需协调")
        client.force_login(leader)
        step(client, letter, "refuse_extension", note="请按期办结")
        letter.refresh_from_db()
        assert letter.due_date == add_workdays(original, 5)
    actions = list(letter.events.values_list("action", flat=True))
    assert actions[-4:] == ["extension_requested", "extension_approved", "extension_requested", "extension_refused"]


def test_extension_requests_are_validated(client, office, unit, unit_staff):
    letter, _code = make_letter()
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    client.force_login(unit_staff)
    response = step(client, letter, "extend", workdays=0, reason="")
    html = response.content.decode()
    assert response.status_code == 400 and "延长天数至少为1个工作日。" in html and "请填写延期理由。" in html
    assert not letter.extensions.exists()


# Who sees what


def test_unit_staff_see_only_letters_forwarded_to_their_unit(
    client, office, unit, unit_staff, other_unit, other_unit_staff
):
    ours, _ = make_letter(title="转办给青石镇的来信标题")
    theirs, _ = make_letter(title="转办给交警支队的来信标题")
    waiting, _ = make_letter(title="尚未转办的来信标题示例")
    for letter, target in ((ours, unit), (theirs, other_unit)):
        workflow.accept(letter, office)
        workflow.forward(letter, office, target, letter.due_date)
    client.force_login(unit_staff)
    html = client.get(ADMIN_URL).content.decode()
    assert "转办给青石镇的来信标题" in html and "转办给交警支队的来信标题" not in html and "尚未转办" not in html
    assert client.get(letter_url(theirs)).status_code == 404
    assert client.get(letter_url(waiting)).status_code == 404
    step(client, theirs, "draft", reply="越权答复")
    theirs.refresh_from_db()
    assert theirs.status == Status.FORWARDED and theirs.reply == ""
    html = client.get(letter_url(ours)).content.decode()
    assert f'action="{letter_url(ours)}draft/"' in html and f'action="{letter_url(ours)}extend/"' in html
    assert f'action="{letter_url(ours)}forward/"' not in html and f'action="{letter_url(ours)}approve/"' not in html


def test_unit_staff_cannot_take_office_or_leader_steps(client, office, unit, unit_staff):
    letter, _ = make_letter()
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, unit_staff, "答复草稿")
    client.force_login(unit_staff)
    step(client, letter, "approve")
    step(client, letter, "reject", reason="other", note="x")
    assert status_of(letter) == Status.DRAFTED


def test_staff_without_mailbox_permissions_are_kept_out(client):
    letter, _ = make_letter()
    client.force_login(make_staff("editor"))
    for response in (
        client.get(ADMIN_URL),
        client.get(letter_url(letter)),
        client.post(f"{letter_url(letter)}accept/"),
    ):
        assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail: "no permission"
    assert status_of(letter) == Status.SUBMITTED


def test_the_public_cannot_reach_the_admin(client):
    letter, _ = make_letter()
    response = client.get(letter_url(letter))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# The inbox


def test_the_inbox_filters_by_status_category_unit_and_overdue(client, office, unit, other_unit):
    with time_machine.travel(NOW - timedelta(days=30), tick=False):
        old, _ = make_letter(title="一个月前的逾期来信标题", category="complaint")
    new, _ = make_letter(title="今天刚收到的新来信标题", category="help")
    forwarded, _ = make_letter(title="已转办到交警支队的来信", category="report")
    workflow.accept(forwarded, office)
    workflow.forward(forwarded, office, other_unit, forwarded.due_date)
    client.force_login(office)

    def titles(**params):
        html = client.get(ADMIN_URL, params).content.decode()
        return {t for t in ("一个月前的逾期来信标题", "今天刚收到的新来信标题", "已转办到交警支队的来信") if t in html}

    with time_machine.travel(NOW, tick=False):
        assert titles(overdue="on") == {"一个月前的逾期来信标题"}
        html = client.get(ADMIN_URL).content.decode()
        assert "mailbox-inbox__row--overdue" in html and "已逾期" in html
    assert titles(category="help") == {"今天刚收到的新来信标题"}
    assert titles(unit=other_unit.pk) == {"已转办到交警支队的来信"}
    assert titles(status="forwarded") == {"已转办到交警支队的来信"}
    assert titles(status="submitted") == {"一个月前的逾期来信标题", "今天刚收到的新来信标题"}
    assert titles(q=new.number) == {"今天刚收到的新来信标题"}
    assert "没有符合条件的来信" in client.get(ADMIN_URL, {"category": "suggestion"}).content.decode()
    assert old.pk and unit.pk


def test_the_inbox_is_paginated(client, office):
    for index in range(21):
        make_letter(title=f"第{index:02d}封来信的标题内容", phone=f"138000000{index:02d}")
    client.force_login(office)
    first = client.get(ADMIN_URL).content.decode()
    second = client.get(ADMIN_URL, {"p": 2}).content.decode()
    assert "第 1 / 2 页，共 21 封" in first
    assert first.count("data-letter=") == 20 and second.count("data-letter=") == 1


# Attachments


def test_attachments_are_served_only_to_staff_who_may_see_the_letter(
    client, office, unit, unit_staff, other_unit_staff
):
    client.post(
        WRITE_URL,
        {**letter_data(client), "attachments": [upload("证据.pdf", pdf_bytes()), upload("图.png", png_bytes())]},
    )
    letter = Letter.objects.get()
    pdf = letter.attachments.get(original_name="证据.pdf")
    url = f"{ADMIN_URL}attachments/{pdf.pk}/"

    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.force_login(office)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf" and "attachment" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert f'href="{url}"' in client.get(letter_url(letter)).content.decode()

    client.force_login(unit_staff)
    assert client.get(url).status_code == 404  # not forwarded to their unit yet
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    assert client.get(url).status_code == 200
    client.force_login(other_unit_staff)
    assert client.get(url).status_code == 404
    client.force_login(make_staff("editor"))
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_attachments_have_no_public_url(client):
    client.post(WRITE_URL, {**letter_data(client), "attachments": [upload("证据.pdf", pdf_bytes())]})
    attachment = Letter.objects.get().attachments.get()
    assert client.get(f"/media/{attachment.file.name}").status_code == 404


# Dashboard


def test_the_dashboard_counts_overdue_letters_and_warns_long_before_three_months(client, office, leader, unit):
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        old, _ = make_letter(title="四十天前的来信还没有答复")
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        make_letter(title="十天前的来信已经逾期了")
    make_letter(title="今天的来信还没到期限")
    replied_letter(office, leader, unit, title="已经答复完毕的来信标题")
    client.force_login(office)
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        html = client.get("/admin/").content.decode()
    assert 'data-count="open">3<' in html and 'data-count="overdue">2<' in html
    assert "长期未答复预警" in html and 'data-count="long-pending">1<' in html
    assert "四十天前的来信还没有答复" in html
    days_left = (old.three_month_limit - timezone.localdate(NOW)).days
    assert f"距3个月期限还剩 {days_left} 天" in html and 50 <= days_left <= 52
    assert "十天前的来信已经逾期了" not in html  # listed only once it is old


def test_the_dashboard_shows_leaders_what_awaits_approval(client, office, leader, unit):
    letter, _ = make_letter()
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, office, "答复草稿")
    client.force_login(leader)
    html = client.get("/admin/").content.decode()
    assert 'data-count="awaiting-approval">1<' in html


def test_the_dashboard_has_no_mailbox_panel_for_other_staff(client):
    make_letter()
    client.force_login(make_staff("editor"))
    html = client.get("/admin/").content.decode()
    assert "mailbox-dashboard" not in html


UNIT_FORM = {
    "name": "市司法局",
    "category": "other",
    "address": "",
    "phone": "0571-87000000",
    "sort_order": "100",
    "members-TOTAL_FORMS": "0",
    "members-INITIAL_FORMS": "0",
    "members-MIN_NUM_FORMS": "0",
    "members-MAX_NUM_FORMS": "1000",
}


def test_units_are_snippets_with_members(client, unit_staff):
    admin = make_staff("unitadmin", "add_reportingunit", "change_reportingunit", "view_reportingunit")
    client.force_login(admin)
    response = client.post(
        "/admin/snippets/review/reportingunit/add/",
        {**UNIT_FORM, "handles_letters": "on", "letter_handlers": [unit_staff.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = ReportingUnit.objects.get(name="市司法局")
    assert list(unit.letter_handlers.all()) == [unit_staff]
    assert unit.handles_letters and not unit.reports_items and unit.group is None


def test_a_unit_needs_at_least_one_role(client):
    client.force_login(make_staff("unitadmin", "add_reportingunit", "change_reportingunit", "view_reportingunit"))
    response = client.post("/admin/snippets/review/reportingunit/add/", UNIT_FORM)
    assert response.status_code == 200
    assert "请至少选择一项：报送信息或承办来信。" in response.content.decode()
    assert not ReportingUnit.objects.exists()


def test_the_mailbox_roles_can_be_granted_to_groups(client):
    admin = make_staff("root")
    admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    html = client.get("/admin/groups/new/").content.decode()
    for label in ("受理、不予受理和转办", "审核答复和延期申请", "起草本单位答复、申请延期"):
        assert label in html


def test_the_admin_menu_offers_the_mailbox_to_its_staff_only(client, office):
    client.force_login(office)
    assert '"/admin/mailbox/"' in client.get("/admin/").content.decode()  # in the sidebar's menu data
    client.force_login(make_staff("editor"))
    assert '"/admin/mailbox/"' not in client.get("/admin/").content.decode()


def test_an_extension_still_pending_when_the_reply_goes_out_lapses(client, office, leader, unit, unit_staff):
    letter, _ = make_letter()
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.request_extension(letter, unit_staff, 3, "需要核实")
    workflow.draft_reply(letter, unit_staff, "答复")
    workflow.approve_reply(letter, leader)
    due = Letter.objects.get().due_date
    client.force_login(leader)
    step(client, letter, "approve_extension", note="同意")
    letter.refresh_from_db()
    extension = letter.extensions.get()
    assert letter.due_date == due and extension.status == "refused" and "来信已办结" in extension.decision_note


def test_the_writer_is_mailed_when_the_reply_is_published(
    client, office, leader, unit, django_capture_on_commit_callbacks
):
    letter, _ = make_letter(email="li@example.com")
    workflow.accept(letter, office)
    workflow.forward(letter, office, unit, letter.due_date)
    workflow.draft_reply(letter, office, "已安排专人核查处理")
    client.force_login(leader)
    with django_capture_on_commit_callbacks(execute=True):
        step(client, letter, "approve")
    writer_mail = [message for message in mail.outbox if message.to == ["li@example.com"]]
    assert [message.subject for message in writer_mail] == [f"您的来信已答复（{letter.number}）"]
    assert "已安排专人核查处理" not in writer_mail[0].body  # the reply itself is behind the query code


def test_the_office_takes_a_letter_off_the_public_listing_and_back(client, office, leader, unit):
    letter, _ = replied_letter(office, leader, unit)
    client.force_login(office)
    response = step(client, letter, "withhold", note="")
    assert response.status_code == 400 and "请填写意见。" in response.content.decode()
    step(client, letter, "withhold", note="含第三人姓名，暂不公开")
    letter.refresh_from_db()
    assert letter.withheld and client.get(f"/mailbox/letters/{letter.number}/").status_code == 404
    step(client, letter, "restore")
    letter.refresh_from_db()
    assert not letter.withheld and client.get(f"/mailbox/letters/{letter.number}/").status_code == 200
    assert list(letter.events.values_list("action", flat=True))[-2:] == ["withheld", "restored"]
