"""Unlock an account name or a client address locked after repeated login failures."""

from django.core.management.base import BaseCommand, CommandError

from accounts.audit import log_unlock
from accounts.lockout import unlock


class Command(BaseCommand):
    help = "解除登录锁定：清除某个登录名（和/或某个来源地址）的登录失败记录。"

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="要解锁的登录名")
        parser.add_argument("--ip", dest="ip_address", help="要解锁的来源地址")

    def handle(self, *args, username=None, ip_address=None, **options):
        if not username and not ip_address:
            raise CommandError("请指定要解锁的登录名，或用 --ip 指定来源地址。")
        count = unlock(username=username, ip_address=ip_address)
        target = "、".join(filter(None, [f"登录名“{username}”" if username else "", ip_address or ""]))
        if not count:
            self.stdout.write(f"{target}没有登录失败记录，无需解锁。")
            return
        log_unlock(username, ip_address)
        self.stdout.write(self.style.SUCCESS(f"已解锁{target}（清除{count}条失败记录）。"))
