"""Bring the role groups back to the table in review/roles.py, e.g. after someone edited a group by hand."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ...models import ReportingUnit
from ...permissions import sync_unit_group
from ...roles import ROLES, install_roles


class Command(BaseCommand):
    help = "按角色表恢复各角色用户组的权限，并同步各报送单位的用户组和文件集（可重复运行）。"

    def handle(self, *args, **options):
        with transaction.atomic():
            install_roles(apps)
            units = list(ReportingUnit.objects.order_by("pk"))
            for unit in units:
                sync_unit_group(unit)
        if options["verbosity"]:
            self.stdout.write(f"已同步 {len(ROLES)} 个角色用户组和 {len(units)} 个单位。")
