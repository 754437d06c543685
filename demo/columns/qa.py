"""Demo content of 你问我答 (``manage.py seed_demo --planned``): a 咨询须知 and answered, published questions."""

from datetime import timedelta

from django.utils import timezone

from legal_services.models import QaGuidePage, Question, QuestionCategory, QuestionStatus

from . import seeds


@seeds("legal_services.qacolumnpage")
def seed_qa(column):
    now = timezone.now()
    if not QaGuidePage.objects.child_of(column).filter(slug=DEMO_GUIDE["slug"]).exists():
        guide = QaGuidePage(
            title=DEMO_GUIDE["title"],
            slug=DEMO_GUIDE["slug"],
            publish_date=now - timedelta(days=40),
            summary=DEMO_GUIDE["summary"],
            body=[("paragraph", paragraph) for paragraph in DEMO_GUIDE["paragraphs"]],
        )
        column.add_child(instance=guide)
        guide.save_revision().publish()
    for spec in DEMO_QUESTIONS:
        if Question.objects.filter(title=spec["title"]).exists():
            continue
        asked = now - timedelta(days=spec["days_ago"])
        question = Question.objects.create(
            category=QuestionCategory.QA,
            name=spec["name"],
            phone=spec["phone"],
            title=spec["title"],
            content=spec["content"],
            consent_to_publish=True,
            status=QuestionStatus.ANSWERED,
            answer=spec["answer"],
            answered_at=asked + timedelta(days=2),
            is_published=True,
            published_at=asked + timedelta(days=2, hours=3),
        )
        Question.objects.filter(pk=question.pk).update(created_at=asked)


DEMO_GUIDE = {
    "slug": "nwwd-guide",
    "title": "“你问我答”咨询须知",
    "summary": "提问前请阅读：哪些问题可以咨询、如何提问、多久答复、哪些信息会公开。",
    "paragraphs": [
        "<p>“你问我答”栏目受理群众关于法律法规、政法工作和平安建设方面的一般性咨询。"
        "工作人员一般在收到问题后10个工作日内答复。</p>",
        "<h2>如何提问</h2><ul><li>请如实填写姓名和联系电话，以便工作人员与您联系核实；</li>"
        "<li>标题请概括问题，内容请说明基本情况和想咨询的事项；</li>"
        "<li>请勿填写身份证号、银行卡号等敏感信息。</li></ul>",
        "<h2>公开说明</h2><p>您同意公开的，问题和答复经审核后在本栏目公开，提问人姓名仅显示姓氏，"
        "联系电话和电子邮箱一律不公开；未同意公开的，答复通过电话反馈给您。</p>",
        "<h2>不予答复的情形</h2><ul><li>涉及国家秘密、商业秘密或个人隐私的；</li>"
        "<li>要求对正在诉讼、仲裁中的个案作出具体判断的；</li>"
        "<li>含有违法、不实、攻击性内容的。</li></ul>"
        "<p>遇有紧急情况请直接拨打110报警。</p>",
    ],
}

DEMO_QUESTIONS = [
    {
        "days_ago": 5,
        "name": "陈立新",
        "phone": "13800000101",
        "title": "楼上装修噪音太大，可以向哪里反映？",
        "content": "我住在河西街道某小区，楼上邻居装修已经两个多月，经常晚上八九点还在施工，"
        "家里老人休息受到很大影响。和邻居沟通过几次没有效果，请问可以向哪些部门反映？",
        "answer": "您好！建议您按以下途径解决：一是继续与邻居协商，也可请小区物业出面协调，"
        "物业一般对装修作业时间有明确规定；二是向所在社区居委会或河西街道人民调解委员会申请调解，调解不收费；"
        "三是通过12345政务服务便民热线反映，由相关部门依法处理。"
        "居民楼内室内装修应当按照规定限定作业时间，采取有效措施减轻噪声。邻里之间多沟通、互相体谅，问题更容易解决。",
    },
    {
        "days_ago": 12,
        "name": "刘秀梅",
        "phone": "13800000102",
        "title": "人民调解达成的协议有法律效力吗？",
        "content": "我和同村村民因为宅基地边界发生纠纷，经柳湾乡人民调解委员会调解签了协议。"
        "现在对方不按协议履行，请问这份调解协议有法律效力吗？我该怎么办？",
        "answer": "您好！根据《中华人民共和国人民调解法》规定，经人民调解委员会调解达成的调解协议，具有法律约束力，"
        "当事人应当按照约定履行。双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认；"
        "经司法确认有效后，一方拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。"
        "如对方就协议的履行或内容发生争议，您也可以向人民法院提起诉讼。建议您先与柳湾乡司法所联系，获取进一步帮助。",
    },
    {
        "days_ago": 20,
        "name": "赵永强",
        "phone": "13800000103",
        "title": "家庭经济困难，怎样申请法律援助？",
        "content": "我在青石镇务工时受伤，老板不愿赔偿。家里经济比较困难，请不起律师，"
        "请问申请法律援助需要什么条件，到哪里申请？",
        "answer": "您好！根据《中华人民共和国法律援助法》，经济困难的公民，在请求工伤事故人身损害赔偿、"
        "请求支付劳动报酬等事项上需要代理的，可以向法律援助机构申请法律援助。"
        "您可以携带身份证明、经济困难状况说明以及与案件有关的材料，到清江市法律援助中心或青石镇司法所提出申请，"
        "也可以拨打12348公共法律服务热线咨询。工伤认定有时限要求，建议您尽快办理。",
    },
    {
        "days_ago": 33,
        "name": "孙雨婷",
        "phone": "13800000104",
        "title": "网购被骗了钱，还能追回来吗？",
        "content": "前几天我在网上看到低价转让二手手机的信息，按对方要求转账后就被拉黑了。"
        "请问这种情况该怎么处理，钱还能追回来吗？",
        "answer": "您好！您遇到的很可能是电信网络诈骗。请立即拨打110报警或到就近派出所报案，"
        "并保存好聊天记录、转账凭证、对方账号等证据，报警越及时，冻结涉案资金的可能性越大。"
        "公安机关查清事实后，会依法追缴涉案资金并返还受害人。"
        "提醒广大群众：网上交易请使用正规平台，不要脱离平台私下转账；接到96110反诈预警专线来电请务必接听。",
    },
]
