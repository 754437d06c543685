"""Demo content of the tips column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.tips.models import TipPage

from . import seeds


@seeds("tips.tipcolumnpage")
def seed_tip(column):
    now = timezone.now()
    today = timezone.localdate(now)
    for spec in DEMO_TIPS:
        if TipPage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        published = now - timedelta(days=spec["days_ago"])
        valid_from = timezone.localdate(published)
        tip = TipPage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=published,
            category=spec["category"],
            valid_from=valid_from,
            valid_until=today + timedelta(days=spec["valid_days"]) if spec["valid_days"] is not None else None,
            summary=spec["summary"],
            source=spec["source"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        column.add_child(instance=tip)
        tip.save_revision().publish()


DEMO_TIPS = [
    {
        "slug": "qingming-jiaotong",
        "title": "清明假期出行提示：青石镇祭扫高峰路段请错峰通行",
        "category": "travel",
        "days_ago": 2,
        "valid_days": 20,
        "source": "清江市公安局交警支队",
        "summary": "假期上午8时至11时，青石镇公墓周边道路车流集中，建议错峰出行、拼车前往。",
        "paragraphs": [
            "清明假期期间，青石镇公墓、柳湾乡长岭公墓周边道路预计在上午8时至11时出现车流高峰。",
            "请市民尽量错峰祭扫，优先选择公交专线或拼车出行；文明祭扫，严禁在山林周边焚烧纸钱、燃放鞭炮。",
            "出行前可关注“清江交警”发布的实时路况信息。",
        ],
    },
    {
        "slug": "jinggang-shuadan",
        "title": "“刷单返利”都是诈骗，一律不要相信",
        "category": "fraud",
        "days_ago": 6,
        "valid_days": None,
        "source": "清江市反诈中心",
        "summary": "先给小额返利、再诱导大额垫付，是刷单诈骗的惯用套路。",
        "paragraphs": [
            "近期，河西街道多名居民接到“兼职刷单、日结佣金”的信息，前几单返还小额佣金后，被要求连续垫付大额资金。",
            "所有要求先垫付资金的刷单兼职都是诈骗。遇到可疑情况，请立即拨打110或反诈专线96110咨询。",
        ],
    },
    {
        "slug": "laodong-hetong",
        "title": "入职一个月内未签书面劳动合同怎么办？",
        "category": "law",
        "days_ago": 12,
        "valid_days": None,
        "source": "清江市司法局",
        "summary": "用人单位自用工之日起超过一个月不满一年未订立书面劳动合同的，应当向劳动者每月支付二倍工资。",
        "paragraphs": [
            "建立劳动关系，应当订立书面劳动合同。用人单位自用工之日起超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付二倍的工资。",
            "遇到劳动纠纷，可以到所在乡镇（街道）公共法律服务站咨询，或拨打12348公共法律服务热线。",
        ],
    },
    {
        "slug": "shenfenzheng-huanling",
        "title": "五一假期户籍窗口调整办公时间",
        "category": "errand",
        "days_ago": 1,
        "valid_days": 10,
        "source": "清江市公安局人口管理支队",
        "summary": "假期期间市民中心户籍窗口上午9时至12时开放，可办理临时身份证明和身份证换领。",
        "paragraphs": [
            "五一假期期间，清江市民中心户籍窗口每天上午9时至12时开放，可办理临时身份证明、居民身份证换领和补领。",
            "其他业务请在假期结束后办理，或通过“清江政务服务”网上办理。",
        ],
    },
]
