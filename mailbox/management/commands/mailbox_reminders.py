"""Daily reminders, e.g. from cron at 8:00: units get their letters due soon or overdue, the office gets the overview.

    manage.py mailbox_reminders            # send the e-mails
    manage.py mailbox_reminders --dry-run  # only print what would be sent

Nothing depends on it running: the dashboard and the inbox show the same facts.
"""

from collections import defaultdict
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from mailbox import notifications
from mailbox.conf import setting
from mailbox.models import Letter, Status
from portal.workdays import add_workdays


class Command(BaseCommand):
    help = "给承办单位发送即将到期和逾期来信的提醒，给信箱管理员发送逾期和长期未答复来信的汇总。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只显示将要发送的提醒，不发送邮件")

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        due_soon = add_workdays(today, setting("DUE_SOON_WORKDAYS"))
        open_letters = Letter.objects.open().select_related("unit").order_by("due_date", "pk")

        by_unit = defaultdict(list)
        for letter in open_letters.filter(status=Status.FORWARDED, unit_deadline__lte=due_soon):
            by_unit[letter.unit].append(letter)
        for unit, letters in by_unit.items():
            lines = [
                f"{letter.number}《{letter.title}》承办期限 {letter.unit_deadline:%Y-%m-%d}"
                f"{'（已逾期）' if letter.unit_deadline < today else ''}"
                for letter in letters
            ]
            recipients = list(
                unit.letter_handlers.filter(is_active=True).exclude(email="").values_list("email", flat=True)
            )
            self._send(
                dry_run,
                f"书记信箱提醒：{unit.name}有{len(letters)}封来信即将到期或已逾期",
                lines,
                recipients,
                unit.notification_targets(),
            )

        overdue = list(open_letters.filter(due_date__lt=today))
        warning_since = today - timedelta(days=setting("WARNING_DAYS"))
        long_pending = list(open_letters.filter(created_at__date__lte=warning_since).order_by("created_at"))
        if overdue or long_pending:
            lines = [f"逾期未答复：{len(overdue)}封"]
            lines += [f"  {letter.number}《{letter.title}》答复期限 {letter.due_date:%Y-%m-%d}" for letter in overdue]
            lines.append(
                f"来信超过{setting('WARNING_DAYS')}天仍未答复：{len(long_pending)}封（3个月未答复将被单项否决）"
            )
            lines += [
                f"  {letter.number}《{letter.title}》3个月期限 {letter.three_month_limit:%Y-%m-%d}"
                for letter in long_pending
            ]
            self._send(
                dry_run,
                "书记信箱逾期来信汇总",
                lines,
                notifications.staff_emails("handle_letter"),
                notifications.office_targets(),
            )
        if not by_unit and not overdue and not long_pending:
            self.stdout.write("没有即将到期或逾期的来信。")

    def _send(self, dry_run, subject, lines, recipients, targets):
        body = "\n".join(lines)
        self.stdout.write(f"{subject} → {', '.join(recipients) or '（无收件人）'}\n{body}")
        if not dry_run and (recipients or targets):
            notifications.send_now(subject, body, recipients, targets)
