"""Demo content for 书记信箱: three units and four letters at different steps. Running it again changes nothing.

The steps are taken as the first active superuser (run ``seed_demo`` first); without one, the letters stay 待受理.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from mailbox import workflow
from mailbox.models import Letter
from review.models import ReportingUnit

UNITS = ["清江市公安局", "清江市河西街道办事处", "清江市青石镇人民政府"]

LETTERS = [
    {
        "key": "demo-mailbox-1",
        "name": "张建国",
        "phone": "13800000001",
        "category": "complaint",
        "title": "河西街道滨江路夜间施工噪音扰民",
        "content": "滨江路18号附近工地连续一周晚上11点以后仍在施工，噪音很大，附近居民无法休息，希望有关部门尽快处理。",
        "unit": "清江市河西街道办事处",
        "reply": "经核查，该工地未办理夜间施工许可。街道已会同城管部门责令其停止夜间施工，并将持续巡查。感谢您的监督。",
    },
    {
        "key": "demo-mailbox-2",
        "name": "李秀英",
        "phone": "13800000002",
        "category": "suggestion",
        "title": "建议在青石镇小学门口增设护学岗",
        "content": "青石镇小学门口上下学时段车多人多，孩子过马路很危险，建议增设护学岗并施划斑马线。",
        "unit": "清江市公安局",
        "reply": "您的建议已采纳。交警大队已在青石镇小学门口设立护学岗，上下学时段安排警力疏导，"
        "斑马线已于本周施划完毕。",
    },
    {
        "key": "demo-mailbox-3",
        "name": "王磊",
        "phone": "13800000003",
        "category": "help",
        "title": "青石镇建设路路灯损坏多日无人维修",
        "content": "青石镇建设路中段有5盏路灯损坏已经半个多月，晚上出行很不安全，希望尽快维修。",
        "unit": "清江市青石镇人民政府",
    },
    {
        "key": "demo-mailbox-4",
        "name": "赵敏",
        "phone": "13800000004",
        "category": "consult",
        "title": "咨询人民调解协议司法确认的办理流程",
        "content": "我和邻居经村调解委员会调解达成了协议，想申请司法确认，请问需要准备哪些材料，到哪里办理？",
    },
]


class Command(BaseCommand):
    help = "创建书记信箱的演示承办单位和来信（可重复运行）。"

    def handle(self, *args, **options):
        units = {name: self.letter_unit(name) for name in UNITS}
        staff = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        created = 0
        for spec in LETTERS:
            if Letter.objects.filter(submission_key=spec["key"]).exists():
                continue
            data = {field: spec[field] for field in ("name", "phone", "category", "title", "content")}
            letter, _code = workflow.submit_letter({**data, "allow_publish": True}, spec["key"])
            created += 1
            if staff is None or "unit" not in spec:
                continue
            workflow.accept(letter, staff)
            workflow.forward(letter, staff, units[spec["unit"]], letter.due_date)
            if "reply" in spec:
                workflow.draft_reply(letter, staff, spec["reply"])
                workflow.approve_reply(letter, staff)
        self.stdout.write(f"书记信箱演示数据：新建来信 {created} 封。")

    @staticmethod
    def letter_unit(name):
        """The unit of the shared list with that name, given the 承办来信 role (a new one only handles letters)."""
        unit, created = ReportingUnit.objects.get_or_create(
            name=name,
            defaults={"category": ReportingUnit.CATEGORY_OTHER, "reports_items": False, "handles_letters": True},
        )
        if not created and not unit.handles_letters:
            unit.handles_letters = True
            unit.save(update_fields=["handles_letters"])
        return unit
