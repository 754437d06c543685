"""Demo content of the legal_news column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.news.models import NewsPage

from . import seeds


@seeds("legal_news.legalnewscolumnpage")
def seed_legalnews(column):
    now = timezone.now()
    for spec in DEMO_NEWS:
        if NewsPage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        item = NewsPage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            source=spec["source"],
            summary=spec["summary"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        column.add_child(instance=item)
        item.save_revision().publish()


DEMO_NEWS = [
    {
        "slug": "fzdt-legal-aid-week",
        "days_ago": 3,
        "title": "清江市开展“法律援助惠民生”集中宣传活动",
        "source": "清江市司法局",
        "summary": "全市各法律援助工作站设立咨询台，现场解答群众法律问题，受理法律援助申请。",
        "paragraphs": [
            "近日，清江市司法局组织全市法律援助机构开展“法律援助惠民生”集中宣传活动，"
            "在各街道、乡镇设立咨询台，现场解答群众关于劳动报酬、婚姻家庭、人身损害赔偿等方面的法律问题。",
            "活动期间共接待群众咨询三百余人次，现场受理法律援助申请十二件。"
            "群众也可通过本网站“网上法律援助”在线提交申请，凭受理编号和查询码查询办理进度。",
        ],
    },
    {
        "slug": "fzdt-public-legal-service",
        "days_ago": 10,
        "title": "12348公共法律服务热线全天候为群众提供咨询",
        "source": "清江市公共法律服务中心",
        "summary": "热线由执业律师轮值接听，免费解答群众法律咨询。",
        "paragraphs": [
            "清江市12348公共法律服务热线由执业律师轮值接听，免费为群众提供法律咨询、法律援助申请指引等服务。",
            "热线工作人员提醒：遇到纠纷要依法理性维权，注意保留合同、聊天记录、转账凭证等证据。",
        ],
    },
]
