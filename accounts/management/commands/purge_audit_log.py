"""Delete audit log entries older than the retention period, and nothing younger."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.checks import MIN_AUDIT_RETENTION_DAYS
from accounts.models import UnknownLogin


class Command(BaseCommand):
    help = "删除超过保存期限（PORTAL_AUDIT_RETENTION_DAYS，至少180天）的审计日志。"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="只统计将删除的条数，不删除")

    def handle(self, *args, dry_run=False, **options):
        days = settings.PORTAL_AUDIT_RETENTION_DAYS
        if not isinstance(days, int) or days < MIN_AUDIT_RETENTION_DAYS:
            raise CommandError(f"PORTAL_AUDIT_RETENTION_DAYS 不能少于{MIN_AUDIT_RETENTION_DAYS}天（当前为{days}）。")
        cutoff = timezone.now() - timedelta(days=days)
        old = {"页面日志": PageLogEntry.objects.filter(timestamp__lt=cutoff)}
        old["其他日志"] = ModelLogEntry.objects.filter(timestamp__lt=cutoff)
        counts = {name: queryset.count() for name, queryset in old.items()}
        summary = "，".join(f"{name}{count}条" for name, count in counts.items())
        if dry_run:
            self.stdout.write(f"保存期限{days}天，{cutoff:%Y-%m-%d %H:%M}之前的将删除：{summary}（未删除）。")
            return
        with transaction.atomic():
            for queryset in old.values():
                queryset.delete()
            # Names of failed logins that no remaining entry refers to.
            names = ContentType.objects.get_for_model(UnknownLogin)
            referenced = ModelLogEntry.objects.filter(content_type=names).values_list("object_id", flat=True)
            UnknownLogin.objects.exclude(pk__in=[int(pk) for pk in referenced.distinct()]).delete()
        self.stdout.write(self.style.SUCCESS(f"保存期限{days}天，已删除{cutoff:%Y-%m-%d %H:%M}之前的{summary}。"))
