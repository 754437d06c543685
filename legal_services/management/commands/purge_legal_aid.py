"""``manage.py purge_legal_aid [--days N]``: delete legal-aid applications closed or refused more than N days ago.

Personal data is kept no longer than needed. The default period is the
``LEGAL_AID_RETENTION_DAYS`` setting (three years unless set). Attachments are
removed from private storage with their application; each deletion is
written to the audit log without any personal data.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.log_actions import log

from legal_services.models import LegalAidApplication
from legal_services.models.legal_aid import retention_days


class Command(BaseCommand):
    help = "删除办结（已结案或不予法律援助）超过保存期限的法律援助申请及其附件。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="保存期限（天），默认取 LEGAL_AID_RETENTION_DAYS 设置")
        parser.add_argument("--dry-run", action="store_true", help="只列出将删除的数量，不删除")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else retention_days()
        if days < 1:
            raise CommandError("保存期限至少为1天。")
        applications = LegalAidApplication.objects.purgeable(days)
        if options["dry_run"]:
            self.stdout.write(f"将删除 {applications.count()} 份办结超过 {days} 天的申请（未删除）。")
            return
        purged = 0
        for application in applications.prefetch_related("attachments").iterator(chunk_size=100):
            files = [attachment.file for attachment in application.attachments.all()]
            with transaction.atomic():
                log(application, "wagtail.delete", data={"reason": f"办结超过{days}天，按保存期限删除"})
                application.delete()
                transaction.on_commit(lambda files=files: [stored.storage.delete(stored.name) for stored in files])
            purged += 1
        self.stdout.write(self.style.SUCCESS(f"已删除 {purged} 份办结超过 {days} 天的申请及其附件。"))
