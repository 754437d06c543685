"""Demo data for 网站纠错, 依申请公开 and the visitor statistics. Running it again changes nothing.

Run after ``seed_demo``: the visits are spread over the live pages of the last two weeks and aggregated.
"""

import random
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from analytics.counting import aggregate, column_of, visitor_hash
from analytics.models import Hit
from disclosure.models import InformationRequest, RequestStatus
from disclosure.requests import create_request
from feedback.models import ErrorReport, ReportStatus
from feedback.reports import create_report

REPORTS = [
    {
        "submission_key": "demo-feedback-1",
        "page_url": "/zfyw/",
        "error_type": "content",
        "description": "政法要闻第一条新闻中“市委政法委员会”少了“委员”二字。",
        "contact_name": "陈女士",
        "phone": "13800000011",
        "fixed": "已更正，感谢您的监督。",
    },
    {
        "submission_key": "demo-feedback-2",
        "page_url": "/tzgg/",
        "error_type": "link",
        "description": "通知公告中的附件下载链接打不开。",
        "phone": "13800000012",
    },
]
REQUESTS = [
    {
        "submission_key": "demo-disclosure-1",
        "applicant_type": "citizen",
        "applicant_name": "周文斌",
        "id_number": "330102198001011234",
        "phone": "13800000021",
        "address": "清江市河西街道滨江路20号",
        "description": "清江市网格化服务管理工作实施办法的全文。",
        "medium": "electronic",
        "delivery": "email",
        "email": "demo@example.com",
        "answer": "该信息已主动公开，请在本网站“政务公开”栏目查阅《清江市网格化服务管理工作实施办法》。",
    },
    {
        "submission_key": "demo-disclosure-2",
        "applicant_type": "organisation",
        "applicant_name": "清江市青石镇青石村村民委员会",
        "id_number": "54330100MEA000000X",
        "phone": "13800000022",
        "address": "清江市青石镇青石村",
        "description": "本年度人民调解员案件补贴的发放标准和发放情况。",
        "medium": "paper",
        "delivery": "post",
    },
]
VISIT_DAYS = 14


class Command(BaseCommand):
    help = "创建网站纠错、依申请公开和访问统计的演示数据（可重复运行）。"

    @transaction.atomic
    def handle(self, *args, **options):
        created = 0
        for spec in REPORTS:
            if ErrorReport.objects.filter(submission_key=spec["submission_key"]).exists():
                continue
            report, _code = create_report(spec)
            created += 1
            if "fixed" in spec:
                report.status, report.reply = ReportStatus.FIXED, spec["fixed"]
                report.save()
                report.record_event(from_status=ReportStatus.RECEIVED, to_status=ReportStatus.FIXED, note=spec["fixed"])
        for spec in REQUESTS:
            if InformationRequest.objects.filter(submission_key=spec["submission_key"]).exists():
                continue
            item, _code = create_request(spec)
            created += 1
            if "answer" in spec:
                item.status, item.outcome, item.reply = RequestStatus.ANSWERED, "already_public", spec["answer"]
                item.save()
                item.record_event(
                    from_status=RequestStatus.RECEIVED, to_status=RequestStatus.ANSWERED, note=spec["answer"]
                )
        visits = self.seed_visits()
        self.stdout.write(f"网站纠错和依申请公开演示数据：新建 {created} 条；访问统计：新建访问记录 {visits} 条。")

    def seed_visits(self):
        """Views of the last two weeks over the live pages, unless visits were recorded already."""
        if Hit.objects.exists():
            return 0
        pages = list(Page.objects.live().public().filter(depth__gte=2).specific()[:60])
        if not pages:
            return 0
        generator = random.Random(20261125)
        today = timezone.localdate()
        hits = []
        for offset in range(VISIT_DAYS, 0, -1):
            day = today - timedelta(days=offset)
            moment = timezone.now() - timedelta(days=offset)
            for number in range(generator.randint(20, 60)):
                page = generator.choice(pages)
                column = column_of(page)
                hits.append(
                    Hit(
                        day=day,
                        created_at=moment,
                        page=page,
                        column_id=column.pk if column else None,
                        path=page.url or "/",
                        visitor=visitor_hash(day, f"192.0.2.{number % 25}", "demo"),
                    )
                )
        Hit.objects.bulk_create(hits)
        aggregate()
        return len(hits)
