"""Demo content of 综治调解 (``manage.py seed_demo --planned``): the directory of organisations and two guides."""

from datetime import timedelta

from django.utils import timezone

from mediation.models import MediationGuidePage, MediationOrganisation

from . import seeds


@seeds("mediation.mediationcolumnpage")
def seed_mediation(column):
    for spec in DEMO_ORGANISATIONS:
        MediationOrganisation.objects.get_or_create(area=spec["area"], name=spec["name"], defaults=spec)
    now = timezone.now()
    for spec in DEMO_GUIDES:
        if MediationGuidePage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        guide = MediationGuidePage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            summary=spec["summary"],
            source="清江市委政法委",
            procedure="".join(f"<p>{step}</p>" for step in spec["procedure"]),
            materials="\n".join(spec["materials"]),
        )
        column.add_child(instance=guide)
        guide.save_revision().publish()


DEMO_ORGANISATIONS = [
    {
        "name": "河西街道人民调解委员会",
        "kind": "people",
        "area": "河西街道",
        "address": "清江市河西街道滨江路18号河西街道办事处一楼",
        "phone": "0571-86120001",
        "opening_hours": "工作日 8:30—12:00，14:00—17:30",
        "map_description": "街道办事处一楼大厅东侧，公交3路、11路河西街道站下车。",
    },
    {
        "name": "河西街道综治中心",
        "kind": "centre",
        "area": "河西街道",
        "address": "清江市河西街道滨江路18号河西街道办事处二楼",
        "phone": "0571-86120002",
        "opening_hours": "工作日 8:30—17:30（午间有人值班）",
        "map_description": "街道办事处二楼，矛盾纠纷调处化解窗口。",
    },
    {
        "name": "青石镇人民调解委员会",
        "kind": "people",
        "area": "青石镇",
        "address": "清江市青石镇建设路6号青石镇司法所内",
        "phone": "0571-86230011",
        "opening_hours": "工作日 8:30—12:00，14:00—17:30",
        "map_description": "",
    },
    {
        "name": "清江市物业纠纷人民调解委员会青石工作站",
        "kind": "professional",
        "area": "青石镇",
        "address": "清江市青石镇建设路6号青石镇矛盾纠纷调处化解中心一楼",
        "phone": "0571-86230012",
        "opening_hours": "周一至周五 9:00—17:00",
        "map_description": "调处化解中心一楼3号窗口，专门调解物业服务、房屋租赁纠纷。",
    },
]

DEMO_GUIDES = [
    {
        "slug": "zztj-how-mediation-works",
        "title": "人民调解怎么申请？一图读懂调解流程",
        "days_ago": 10,
        "summary": "人民调解免费、便捷、保密，当事人可以到住所地或纠纷发生地的调解委员会申请，也可以在线提交申请。",
        "procedure": [
            "一、申请。当事人可以口头或书面申请，也可以在本栏目“在线调解申请”提交，写明双方情况和纠纷经过。",
            "二、受理。调解委员会一般在3个工作日内电话联系申请人，征求对方当事人意见；双方都同意调解的予以受理。",
            "三、调解。调解员查明事实、讲清法律和政策，在双方自愿的基础上帮助达成协议。",
            "四、协议。达成协议的，可以制作人民调解协议书，双方签名后生效，也可以共同向人民法院申请司法确认。",
        ],
        "materials": [
            "申请人身份证原件及复印件",
            "对方当事人的姓名、住址和联系电话",
            "与纠纷有关的合同、收据、照片、聊天记录等材料",
        ],
    },
    {
        "slug": "zztj-neighbour-disputes",
        "title": "邻里纠纷找调解：柳湾乡调解员的几点提醒",
        "days_ago": 40,
        "summary": "漏水、噪音、占道、排水……邻里纠纷先找村（社区）调解委员会，调解不收费，协议有法律约束力。",
        "procedure": [
            "一、先找身边的调解组织。村（社区）调解委员会熟悉情况，上门调解方便快捷。",
            "二、调解员现场查看。涉及漏水、排水、占道等问题，调解员会约双方到现场查看，必要时请专业人员鉴定。",
            "三、面对面协商。调解员组织双方坐下来谈，依据民法典相邻关系的规定提出建议。",
            "四、签订协议并回访。达成协议的签订调解协议书，调解员会在一个月内回访履行情况。",
        ],
        "materials": [
            "申请人身份证",
            "反映问题的照片或视频",
            "此前协商、报修的记录",
        ],
    },
]
