"""Demo content of the pioneers column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.pioneers.models import PioneerHonour, PioneerProfilePage

from . import seeds
from .images import ensure_demo_image


@seeds("pioneers.pioneercolumnpage")
def seed_pioneer(column):
    now = timezone.now()
    for spec in DEMO_PROFILES:
        if PioneerProfilePage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        profile = PioneerProfilePage(
            title=spec["title"],
            slug=spec["slug"],
            kind=spec["kind"],
            photo=ensure_demo_image(f"示范图片：{spec['title']}", f"pioneer-{spec['slug']}", 480, 640),
            unit=spec["unit"],
            position=spec["position"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            summary=spec["summary"],
            source="清江市委政法委",
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
            honours=[PioneerHonour(year=now.year - years_ago, title=title) for years_ago, title in spec["honours"]],
        )
        column.add_child(instance=profile)
        profile.save_revision().publish()


DEMO_PROFILES = [
    {
        "slug": "chen-xiaoyun",
        "title": "陈晓云",
        "kind": "individual",
        "unit": "清江市河西街道人民调解委员会",
        "position": "专职人民调解员",
        "days_ago": 15,
        "summary": "扎根基层调解十二年，调处邻里、婚姻家庭纠纷一千二百余起，被群众称为“街巷和事佬”。",
        "paragraphs": [
            "陈晓云在河西街道从事人民调解工作十二年，坚持“小事不出社区、大事不出街道”，把调解室搬到小区楼道和菜场门口。",
            "她总结的“先听三遍、再讲三理”调解法，已在全市社区调解员培训中推广。",
        ],
        "honours": [(5, "清江市优秀人民调解员"), (2, "全省人民调解工作先进个人")],
    },
    {
        "slug": "qingshi-paichusuo",
        "title": "清江市公安局青石派出所",
        "kind": "collective",
        "unit": "清江市公安局",
        "position": "",
        "days_ago": 40,
        "summary": "推行“警网融合”，辖区电信网络诈骗发案数连续两年下降。",
        "paragraphs": [
            "青石派出所将社区民警与镇村网格员编组，逐户开展反诈宣传，建立涉诈预警“当日见面”机制。",
            "近两年来，辖区电信网络诈骗发案数连续下降，群众安全感满意度位居全市前列。",
        ],
        "honours": [(3, "清江市平安建设先进集体"), (1, "全省枫桥式公安派出所")],
    },
    {
        "slug": "liu-mingzhe",
        "title": "刘明哲",
        "kind": "individual",
        "unit": "清江市人民检察院",
        "position": "第四检察部主任",
        "days_ago": 70,
        "summary": "深耕未成年人检察工作，牵头建立全市首个“一站式”未成年被害人询问救助中心。",
        "paragraphs": [
            "刘明哲从事未成年人检察工作十年，办理涉未成年人案件三百余件，坚持“办理一案、治理一片”。",
            "他牵头在柳湾乡中心学校设立法治副校长工作室，每学期开展法治课堂十余场。",
        ],
        "honours": [(6, "清江市优秀公诉人"), (4, "全省未成年人检察业务标兵"), (1, "清江市十佳政法干警")],
    },
]
