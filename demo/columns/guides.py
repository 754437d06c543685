"""Demo content of 法律办事指南 (``manage.py seed_demo``): two service guides."""

from legal_services.models import GuidePage

from . import seeds


@seeds("legal_services.guideindexpage")
def seed_guides(column):
    for spec in DEMO_GUIDES:
        if GuidePage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        guide = GuidePage(
            **{key: value for key, value in spec.items() if key not in ("materials", "steps")},
            materials=[("material", material) for material in spec["materials"]],
            steps=[("step", {"title": title, "description": text}) for title, text in spec["steps"]],
        )
        column.add_child(instance=guide)
        guide.save_revision().publish()


DEMO_GUIDES = [
    {
        "slug": "flyz-shenqing",
        "title": "申请法律援助",
        "category": "法律援助",
        "applicable_to": "因经济困难没有委托代理人或辩护人的本市居民，以及法律规定不受经济困难条件限制的当事人。",
        "conditions": "符合法律援助事项范围；经济困难或属于免予核查经济困难状况的情形；案件属于本市法律援助机构管辖。",
        "materials": [
            "居民身份证或其他有效身份证明原件及复印件1份",
            "法律援助申请表1份（可在本页下载）",
            "经济困难状况说明表，或最低生活保障、特困供养等证明材料",
            "与所申请法律援助事项有关的证据材料",
        ],
        "steps": [
            ("提出申请", "到清江市法律援助中心、各镇街司法所窗口，或通过本网站“网上法律援助”在线申请。"),
            ("审查", "法律援助机构自收到申请之日起七日内进行审查；材料不齐全的，一次性告知需补充的材料。"),
            ("决定", "符合条件的作出给予法律援助的决定，不符合条件的书面告知理由。"),
            ("指派", "决定给予法律援助的，指派律师、基层法律服务工作者或法律援助志愿者提供服务。"),
        ],
        "time_limit": "自收到申请之日起7日内作出是否给予法律援助的决定",
        "fees": "不收费",
        "place_and_hours": "清江市法律援助中心（清江市人民路88号公共法律服务中心一楼），工作日 8:30-12:00、14:00-17:30",
        "phone": "12348",
    },
    {
        "slug": "rmtj-shenqing",
        "title": "申请人民调解",
        "category": "人民调解",
        "applicable_to": "发生婚姻家庭、邻里、物业、劳动、损害赔偿等民间纠纷的当事人。",
        "conditions": "属于民间纠纷；当事人自愿调解；不属于法律规定只能由专门机关处理的纠纷。",
        "materials": ["当事人身份证明", "纠纷基本情况和相关证据材料"],
        "steps": [
            ("申请", "向纠纷发生地的村（居）民委员会或镇街人民调解委员会口头或书面申请。"),
            ("受理", "调解委员会认为可以调解的予以受理，并告知当事人权利义务。"),
            ("调解", "在查明事实、分清是非的基础上进行调解，达成协议的制作调解协议书。"),
        ],
        "time_limit": "一般在受理之日起30日内调解终结",
        "fees": "不收费",
        "place_and_hours": "各村（居）民委员会、镇街人民调解委员会，工作日办公时间",
        "phone": "0571-88000000",
    },
]
