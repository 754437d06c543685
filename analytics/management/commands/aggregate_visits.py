"""Nightly: fold finished days' raw hits into daily rows, delete hits past retention and yesterday's salt."""

from django.core.management.base import BaseCommand

from analytics.counting import aggregate


class Command(BaseCommand):
    help = "汇总访问统计：把已结束日期的访问记录汇总为每日统计，删除超过保存期限的原始记录和过期盐值。"

    def handle(self, *args, **options):
        days, deleted = aggregate()
        self.stdout.write(f"访问统计：汇总 {days} 天，删除原始记录 {deleted} 条。")
