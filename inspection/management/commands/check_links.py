"""Check the links of every live page (internal links, attachments, external links with a bounded crawler)."""

from django.core.management.base import BaseCommand

from ...links import check_links


class Command(BaseCommand):
    help = "检查全部已发布页面的站内链接、附件和外部链接，结果见网站健康检查。"

    def add_arguments(self, parser):
        parser.add_argument("--no-external", action="store_true", help="只检查站内链接和附件")
        parser.add_argument("--timeout", type=float, help="每个外部链接的超时秒数（默认5）")
        parser.add_argument("--per-host", type=int, help="每个外部站点本次最多检查的链接数（默认20）")
        parser.add_argument("--deadline", type=float, help="外部链接检查的总时限，秒（默认300）")

    def handle(self, *args, **options):
        summary = check_links(
            external=False if options["no_external"] else None,
            timeout=options["timeout"],
            per_host=options["per_host"],
            deadline_seconds=options["deadline"],
        )
        self.stdout.write(
            f"已检查{summary['pages']}个页面的{summary['links']}个链接："
            f"失效{summary['broken']}个，无法访问{summary['unreachable']}个，未检查{summary['skipped']}个。"
        )
