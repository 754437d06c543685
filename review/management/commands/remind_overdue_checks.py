"""Email each reporting unit the published items it has not confirmed in time (run daily from cron)."""

from itertools import groupby

from django.core.management.base import BaseCommand
from django.utils import timezone

from ...models import PostPublicationCheck
from ...notifications import send_overdue_reminder


class Command(BaseCommand):
    help = "向超期未复查已发布信息的报送单位发送提醒邮件。"

    def handle(self, *args, **options):
        overdue = (
            PostPublicationCheck.objects.filter(
                status=PostPublicationCheck.STATUS_PENDING, due_date__lt=timezone.localdate()
            )
            .select_related("unit", "page")
            .order_by("unit_id", "due_date")
        )
        sent = failed = 0
        for _, checks in groupby(overdue, key=lambda check: check.unit_id):
            checks = list(checks)
            if send_overdue_reminder(checks[0].unit, checks):
                sent += 1
            else:
                failed += 1
        if options["verbosity"]:
            self.stdout.write(f"已提醒 {sent} 个单位；{failed} 个单位未能发送（无邮箱或发送失败）。")
