"""Run the wording check (敏感词, 规范表述, 领导姓名职务, 机构名称) over every live page; nightly from the scheduler."""

from django.core.management.base import BaseCommand

from ...live_wording import check_live_wording


class Command(BaseCommand):
    help = "检查全部已发布页面的表述问题（敏感词、规范表述、领导姓名职务、机构名称），结果见网站健康检查。"

    def handle(self, *args, **options):
        pages, findings = check_live_wording()
        self.stdout.write(f"已检查{pages}个页面，发现{findings}处表述问题。")
