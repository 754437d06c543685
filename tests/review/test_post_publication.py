"""发布后复查: the unit confirms its published item within 2 working days, or reports an error."""

import logging
from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command

from review.models import PostPublicationCheck
from tests.review.helpers import approve, item_data, login, publish_item, submit_item, through_check

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year, month, day, hour=10):
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=SHANGHAI), tick=False)


def test_deadline_is_two_working_days_across_the_national_day_holiday(client, people):
    with at(2026, 9, 30):  # Wednesday before 国庆节: Oct 1–7 off
        page = publish_item(client, people)
    assert PostPublicationCheck.objects.get(page=page).due_date == date(2026, 10, 9)


def test_adjusted_working_saturday_counts(client, people):
    with at(2026, 10, 9):  # Friday; Saturday Oct 10 is an adjusted working day (调休)
        page = publish_item(client, people)
    assert PostPublicationCheck.objects.get(page=page).due_date == date(2026, 10, 12)


def test_number_of_working_days_is_a_setting(client, people, settings):
    settings.REVIEW_CONFIRM_WORKDAYS = 5
    with at(2026, 11, 23):  # Monday
        page = publish_item(client, people)
    assert PostPublicationCheck.objects.get(page=page).due_date == date(2026, 11, 30)


def test_unit_confirms_within_the_deadline(client, people):
    with at(2026, 11, 23):
        page = publish_item(client, people)
    check = PostPublicationCheck.objects.get(page=page)
    with at(2026, 11, 24):
        login(client, people.correspondent)
        dashboard = client.get("/admin/").content.decode()
        assert "已发布待复查的信息" in dashboard and page.title in dashboard
        listing = client.get("/admin/review/checks/").content.decode()
        assert page.title in listing and "确认无误" in listing
        response = client.post(f"/admin/review/checks/{check.pk}/confirm/")
        assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == "confirmed" and check.handled_by == people.correspondent
    assert not check.is_overdue


def test_other_unit_cannot_confirm(client, people):
    page = publish_item(client, people)
    check = PostPublicationCheck.objects.get(page=page)
    login(client, people.other_correspondent)
    assert page.title not in client.get("/admin/review/checks/").content.decode()
    client.post(f"/admin/review/checks/{check.pk}/confirm/")
    check.refresh_from_db()
    assert check.status == "pending"


def test_overdue_confirmations_are_listed_for_the_office(client, people):
    with at(2026, 11, 23):
        page = publish_item(client, people)
    login(client, people.office)
    with at(2026, 11, 25, 23):  # due on the 25th: not overdue yet
        assert "没有超期未复查的信息" in client.get("/admin/").content.decode()
    with at(2026, 11, 26):
        dashboard = client.get("/admin/").content.decode()
        assert "超期未复查的已发布信息（1）" in dashboard and page.title in dashboard
        overdue = client.get("/admin/review/checks/?status=overdue").content.decode()
        assert page.title in overdue and "已超期" in overdue
    login(client, people.correspondent)
    with at(2026, 11, 26):
        assert "超期未复查的已发布信息" not in client.get("/admin/").content.decode()


def test_reminder_command_emails_units_with_overdue_items(client, people):
    with at(2026, 11, 23):
        page = publish_item(client, people)
    mail.outbox.clear()
    with at(2026, 11, 26):
        call_command("remind_overdue_checks", verbosity=0)
    assert len(mail.outbox) == 1
    assert "复查提醒" in mail.outbox[0].subject and page.title in mail.outbox[0].body


def test_a_failing_mail_server_neither_blocks_publication_nor_the_reminder_run(client, people, settings, caplog):
    """Review mails go through portal.mail: a broken backend is logged, the data stays."""
    settings.EMAIL_BACKEND = "tests.review.test_post_publication.BrokenBackend"
    with at(2026, 11, 23):
        page = publish_item(client, people)
    assert PostPublicationCheck.objects.filter(page=page).exists()
    out = StringIO()
    with at(2026, 11, 26), caplog.at_level(logging.ERROR, logger="portal.mail"):
        call_command("remind_overdue_checks", stdout=out)
    assert "已提醒 0 个单位；1 个单位未能发送" in out.getvalue()
    assert "could not be sent" in caplog.text


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("no mail server")


def test_reported_error_withdraws_and_republication_corrects(client, people):
    page = publish_item(client, people)
    check = PostPublicationCheck.objects.get(page=page)
    login(client, people.leader)
    url = f"/admin/review/checks/{check.pk}/error/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"description": ""})
    assert response.status_code == 200 and "请写明错误所在" in response.content.decode()
    check.refresh_from_db()
    assert check.status == "pending"

    client.post(url, {"description": "活动日期应为11月20日。", "withdraw": "on"})
    check.refresh_from_db()
    page.refresh_from_db()
    assert check.status == "error" and check.withdrawn and check.error_description == "活动日期应为11月20日。"
    assert not page.live

    # the correspondent corrects the item and it goes through the whole review again
    login(client, people.correspondent)
    edit = client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    response = client.post(f"/admin/pages/{page.pk}/edit/", item_data(title="公安局开展反诈宣传进社区活动（更正）"))
    assert response.status_code == 302
    through_check(client, people, page)
    approve(client, people.final, page)
    page.refresh_from_db()
    assert page.live and page.title.endswith("（更正）")
    check.refresh_from_db()
    assert check.status == "corrected"
    assert PostPublicationCheck.objects.filter(page=page, status="pending").count() == 1


def test_error_report_keeps_item_online_when_not_withdrawn(client, people, django_capture_on_commit_callbacks):
    page = publish_item(client, people)
    check = PostPublicationCheck.objects.get(page=page)
    mail.outbox.clear()
    login(client, people.correspondent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/review/checks/{check.pk}/error/", {"description": "作者姓名有误。"})
    page.refresh_from_db()
    assert page.live
    assert PostPublicationCheck.objects.get(pk=check.pk).status == "error"
    assert [message.to for message in mail.outbox] == [["office@example.gov.cn"]]


def test_items_not_reported_by_a_unit_have_no_post_publication_check(admin_client, people):
    page = submit_item(admin_client, people.office, people.news_column)
    assert page.current_workflow_task.name == "录入前再审（办公室）"  # no unit leader to sign: step skipped
    assert not PostPublicationCheck.objects.exists()
