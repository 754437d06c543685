"""Demo content of the cases column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.cases.models import CaseStudyPage

from . import seeds


@seeds("cases.casestudycolumnpage")
def seed_casestudy(column):
    now = timezone.now()
    for spec in DEMO_CASES:
        if CaseStudyPage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        item = CaseStudyPage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            summary=spec["summary"],
            source=spec["source"],
            case_summary="".join(f"<p>{paragraph}</p>" for paragraph in spec["case"]),
            commentary=[("comment", comment) for comment in spec["commentary"]],
            statutes=[("statute", statute) for statute in spec["statutes"]],
        )
        column.add_child(instance=item)
        item.save_revision().publish()


DEMO_CASES = [
    {
        "slug": "yasf-falling-flowerpot",
        "title": "阳台花盆坠落砸坏轿车，谁来担责？",
        "days_ago": 6,
        "source": "清江市人民法院",
        "summary": "河西街道某小区住户阳台花盆被大风吹落砸坏楼下轿车，法院判决住户承担赔偿责任。",
        "case": [
            "去年夏天，河西街道某小区住户张某将几盆绿植摆放在阳台外侧的花架上。一天傍晚突起大风，"
            "一只花盆坠落，将停在楼下的李某的轿车前挡风玻璃砸碎。",
            "李某要求张某赔偿维修费用，张某认为花盆是被大风吹落，属于意外，拒绝赔偿。"
            "李某遂诉至法院。法院经审理，判决张某赔偿李某车辆维修费等损失共计4800元。",
        ],
        "commentary": [
            {
                "speaker": "赵敏",
                "role": "judge",
                "unit": "清江市人民法院河西人民法庭",
                "comment": "建筑物上的搁置物、悬挂物发生脱落、坠落造成他人损害，所有人、管理人或者使用人"
                "不能证明自己没有过错的，应当承担侵权责任。大风天气并非不可预见，"
                "张某未对花盆采取加固措施，不能证明自己没有过错，应当赔偿。",
            },
            {
                "speaker": "孙浩",
                "role": "lawyer",
                "unit": "清江正衡律师事务所",
                "comment": "提醒广大居民，阳台外侧、窗台上不要随意摆放花盆等物品，确需摆放的应做好固定，"
                "既是保护他人，也是避免自己承担法律责任。",
            },
        ],
        "statutes": [
            {
                "law_name": "中华人民共和国民法典",
                "article_number": "第一千二百五十三条",
                "article_text": "建筑物、构筑物或者其他设施及其搁置物、悬挂物发生脱落、坠落造成他人损害，"
                "所有人、管理人或者使用人不能证明自己没有过错的，应当承担侵权责任。"
                "所有人、管理人或者使用人赔偿后，有其他责任人的，有权向其他责任人追偿。",
            },
            {
                "law_name": "中华人民共和国民法典",
                "article_number": "第一千一百六十五条",
                "article_text": "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。"
                "依照法律规定推定行为人有过错，其不能证明自己没有过错的，应当承担侵权责任。",
            },
        ],
    },
    {
        "slug": "yasf-renting-bank-card",
        "title": "出租银行卡“赚快钱”，大学生获刑",
        "days_ago": 28,
        "source": "清江市人民检察院",
        "summary": "在校大学生将本人银行卡出租给他人用于转移诈骗资金，以帮助信息网络犯罪活动罪被判处刑罚。",
        "case": [
            "在校大学生小陈在网上看到“出租银行卡，每张日赚300元”的信息后，将自己名下的3张银行卡"
            "及配套的手机卡、网银U盾交给他人使用，先后获利2000余元。",
            "经查，上述银行卡被用于转移电信网络诈骗资金，流水金额达80余万元。"
            "经检察机关提起公诉，法院以帮助信息网络犯罪活动罪判处小陈有期徒刑七个月，缓刑一年，并处罚金。",
        ],
        "commentary": [
            {
                "speaker": "周检察官",
                "role": "prosecutor",
                "unit": "清江市人民检察院第四检察部",
                "comment": "银行卡、电话卡是电信网络诈骗资金流转的重要通道。明知他人可能利用信息网络实施犯罪，"
                "仍出租、出售“两卡”，情节严重的，构成犯罪。青年学生切莫因小利毁了前程。",
            },
        ],
        "statutes": [
            {
                "law_name": "中华人民共和国刑法",
                "article_number": "第二百八十七条之二",
                "article_text": "明知他人利用信息网络实施犯罪，为其犯罪提供互联网接入、服务器托管、网络存储、"
                "通讯传输等技术支持，或者提供广告推广、支付结算等帮助，情节严重的，"
                "处三年以下有期徒刑或者拘役，并处或者单处罚金。",
            },
        ],
    },
    {
        "slug": "yasf-unpaid-wages",
        "title": "包工头拖欠工资，农民工如何维权？",
        "days_ago": 52,
        "source": "青石镇矛盾纠纷调处化解中心",
        "summary": "青石镇12名务工人员被拖欠工资，经人民调解员和法律援助律师协助，一周内拿回全部工资。",
        "case": [
            "青石镇12名村民在某工地务工三个月，工程结束后，包工头以总包方未结算工程款为由，拖欠工资共计18万余元。",
            "村民们来到青石镇矛盾纠纷调处化解中心求助。调解员联合劳动保障监察、法律援助律师，"
            "约谈施工总承包单位，促成总包方先行垫付全部工资，纠纷一周内化解。",
        ],
        "commentary": [
            {
                "speaker": "刘芳",
                "role": "mediator",
                "unit": "青石镇人民调解委员会",
                "comment": "遇到欠薪不要采取过激行为，要保存好考勤记录、工资条、聊天记录等证据，"
                "及时向调解组织、劳动保障监察机构求助，依法理性维权。",
            },
            {
                "speaker": "吴律师",
                "role": "lawyer",
                "unit": "清江市法律援助中心",
                "comment": "施工总承包单位对所承包工程的农民工工资支付负总责。"
                "分包单位拖欠工资的，由总承包单位先行清偿，再依法向分包单位追偿。",
            },
        ],
        "statutes": [
            {
                "law_name": "中华人民共和国劳动合同法",
                "article_number": "第三十条",
                "article_text": "用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。"
                "用人单位拖欠或者未足额支付劳动报酬的，劳动者可以依法向当地人民法院申请支付令，"
                "人民法院应当依法发出支付令。",
            },
        ],
    },
    {
        "slug": "yasf-neighbour-drainage",
        "title": "邻里排水起纠纷，调解化干戈为玉帛",
        "days_ago": 80,
        "source": "柳湾乡司法所",
        "summary": "柳湾乡两户村民因院落排水问题发生争执，经人民调解达成协议，共同出资修建排水沟。",
        "case": [
            "柳湾乡村民老王翻建房屋时抬高了院落地面，雨天积水顺势流入相邻的老李家院子，两家多次争吵，关系紧张。",
            "村调委会调解员多次上门，现场查看地势，讲解相邻关系的法律规定。最终两家达成协议，"
            "共同出资修建排水沟，并签订人民调解协议书。",
        ],
        "commentary": [
            {
                "speaker": "陈建国",
                "role": "mediator",
                "unit": "柳湾乡人民调解委员会",
                "comment": "相邻关系纠纷看似小事，处理不好容易激化矛盾。调解中既要讲法律，也要讲乡情，"
                "找到双方都能接受的办法。",
            },
        ],
        "statutes": [
            {
                "law_name": "中华人民共和国民法典",
                "article_number": "第二百八十八条",
                "article_text": "不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则，"
                "正确处理相邻关系。",
            },
        ],
    },
]
