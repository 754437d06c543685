"""``manage.py mailbox_reminders``: units hear about letters due soon or overdue, the office about the overview."""

from datetime import timedelta

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command

from mailbox import workflow
from tests.mailbox.helpers import NOW, make_letter

pytestmark = pytest.mark.django_db


def test_reminders_go_to_the_unit_and_the_office(office, unit, unit_staff, capsys):
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        old, _ = make_letter(title="四十天前的来信还没有答复")
    with time_machine.travel(NOW, tick=False):
        forwarded, _ = make_letter(title="转办给青石镇的新来信标题")
        workflow.accept(forwarded, office)
        workflow.forward(forwarded, office, unit, forwarded.due_date)
        make_letter(title="刚收到的来信不需要提醒")
    with time_machine.travel(NOW + timedelta(days=5), tick=False):
        call_command("mailbox_reminders")
    by_recipient = {tuple(message.to): message for message in mail.outbox}
    assert set(by_recipient) == {(unit_staff.email,), (office.email,)}
    unit_mail = by_recipient[(unit_staff.email,)]
    assert "青石镇人民政府有1封来信" in unit_mail.subject and forwarded.number in unit_mail.body
    assert old.number not in unit_mail.body
    office_mail = by_recipient[(office.email,)]
    assert old.number in office_mail.body and "超过30天仍未答复：1封" in office_mail.body


def test_dry_run_sends_nothing_and_a_quiet_day_says_so(office, capsys):
    with time_machine.travel(NOW - timedelta(days=40), tick=False):
        make_letter(title="四十天前的来信还没有答复")
    call_command("mailbox_reminders", "--dry-run")
    assert mail.outbox == [] and "书记信箱逾期来信汇总" in capsys.readouterr().out
    with time_machine.travel(NOW - timedelta(days=39), tick=False):
        call_command("mailbox_reminders")
    assert "没有即将到期或逾期的来信。" in capsys.readouterr().out and mail.outbox == []
