"""Send the notices that are due: new ones whose delivery was never run, and failed ones waiting for a retry.

    manage.py deliver_outbox                 # e.g. from cron every five minutes
    manage.py deliver_outbox --retry-failed  # also try again the notices that gave up

Works with either task backend: it delivers in this process, and rows another worker holds are skipped.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.notify.models import OutboxMessage, OutboxStatus
from portal.notify.outbox import deliver, due_ids


class Command(BaseCommand):
    help = "发送到期的待发通知（新通知和等待重试的通知）。"

    def add_arguments(self, parser):
        parser.add_argument("--retry-failed", action="store_true", help="同时重新发送已放弃的通知（重新计数）")
        parser.add_argument("--limit", type=int, default=None, help="本次最多发送的条数")

    def handle(self, *args, retry_failed=False, limit=None, **options):
        if limit is not None and limit < 1:
            self.stderr.write("--limit 必须是正整数。")
            return
        if retry_failed:
            revived = OutboxMessage.objects.filter(status=OutboxStatus.FAILED).update(
                status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
            )
            self.stdout.write(f"重新发送 {revived} 条已放弃的通知。")
        ids = due_ids(limit)
        if not ids:
            self.stdout.write("没有到期的待发通知。")
            return
        deliver(ids)
        outcome = dict.fromkeys(OutboxStatus.values, 0)
        for status in OutboxMessage.objects.filter(pk__in=ids).values_list("status", flat=True):
            outcome[status] += 1
        self.stdout.write(
            f"已发送 {outcome[OutboxStatus.SENT]} 条，{outcome[OutboxStatus.PENDING]} 条等待重试，"
            f"{outcome[OutboxStatus.FAILED]} 条发送失败。"
        )
