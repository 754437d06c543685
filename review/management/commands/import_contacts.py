"""Import the reporting units' contact directory from an Excel file, as the admin upload does."""

from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from ...contacts import import_contacts


class Command(BaseCommand):
    help = "从Excel文件导入报送单位通讯录（有任何一行出错则全部不导入）。"

    def add_arguments(self, parser):
        parser.add_argument("path", help=".xlsx 文件路径")

    def handle(self, *args, path, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"找不到文件：{source}")
        with source.open("rb") as handle:
            result = import_contacts(File(handle, name=source.name))
        if not result.ok:
            lines = [f"{f'第{row}行' if row else '文件'}：{message}" for row, message in result.errors]
            raise CommandError("文件有误，未导入任何数据：\n" + "\n".join(lines))
        if options["verbosity"]:
            self.stdout.write(
                f"导入完成：新建单位 {result.units_created} 个，新增人员 {result.members_created} 人，"
                f"更新人员 {result.members_updated} 人。"
            )
