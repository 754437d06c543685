"""``manage.py rotate_legal_keys``: re-encrypt legal-aid personal data with the newest key in ``LEGAL_DATA_KEYS``.

Run it after putting a new key in front of ``LEGAL_DATA_KEYS`` (see
``legal_services/crypto.py``); once it has finished, the old keys can be
removed. Reading decrypts with whichever key fits and writing encrypts with
the first, one application per transaction, so the command can be
interrupted and run again.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from legal_services.models import LegalAidApplication


class Command(BaseCommand):
    help = "用 LEGAL_DATA_KEYS 中的第一个（最新）密钥重新加密法律援助申请人的身份证号和电话。"

    def handle(self, *args, **options):
        rotated = 0
        for pk in LegalAidApplication.objects.values_list("pk", flat=True).iterator():
            with transaction.atomic():
                application = LegalAidApplication.objects.select_for_update().only("id_number", "phone").get(pk=pk)
                LegalAidApplication.objects.filter(pk=pk).update(
                    id_number=application.id_number, phone=application.phone
                )
            rotated += 1
        self.stdout.write(self.style.SUCCESS(f"已用最新密钥重新加密 {rotated} 份申请。"))
