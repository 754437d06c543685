"""Demo content of the gov_info column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.gov_info.models import GovInfoPage, Validity

from ..disclosure import seed_disclosure_pages
from . import seeds


@seeds("gov_info.govinfocolumnpage")
def seed_govinfo(column):
    now = timezone.now()
    for spec in DEMO_DOCUMENTS:
        if GovInfoPage.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        published = now - timedelta(days=spec["days_ago"])
        item = GovInfoPage(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=published,
            written_date=timezone.localdate(published) - timedelta(days=spec["written_days_before"]),
            issuing_body=spec["issuing_body"],
            document_number=spec["document_number"].format(year=timezone.localdate(published).year),
            category=spec["category"],
            validity=spec["validity"],
            summary=spec["summary"],
            source=spec["issuing_body"],
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        column.add_child(instance=item)
        item.save_revision().publish()
    seed_disclosure_pages(column)


DEMO_DOCUMENTS = [
    {
        "slug": "zwgk-grid-governance-measures",
        "title": "清江市网格化服务管理工作实施办法",
        "days_ago": 12,
        "written_days_before": 5,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "清政法〔{year}〕12号",
        "category": "zfzz",
        "validity": Validity.VALID,
        "summary": "明确全市城乡社区网格划分标准、专职网格员配备和事件流转处置要求，推动基层治理精细化。",
        "paragraphs": [
            "各县（区）委政法委，市直有关单位：",
            "为深入推进市域社会治理现代化，进一步规范全市网格化服务管理工作，"
            "结合我市实际，制定本办法。请结合实际认真贯彻执行。",
            "第一条  城市社区原则上按照300户至500户、农村按照自然村或村民小组划分基础网格，"
            "青石镇、柳湾乡等山区乡镇可适当调整。",
            "第二条  每个基础网格配备1名专职网格员，负责信息采集、隐患排查、矛盾调处和政策宣传，"
            "河西街道等人口密集区域可增配兼职网格员。",
            "第三条  网格事件实行“发现、上报、分派、处置、反馈、评价”闭环管理，一般事件3个工作日内办结。",
        ],
    },
    {
        "slug": "zwgk-mediation-subsidy",
        "title": "关于调整人民调解员案件补贴标准的通知",
        "days_ago": 40,
        "written_days_before": 3,
        "issuing_body": "清江市司法局",
        "document_number": "清司发〔{year}〕5号",
        "category": "gaaqsf",
        "validity": Validity.AMENDED,
        "summary": "调整人民调解员个案补贴标准，重大疑难纠纷补贴相应提高。本通知第三条已由后续文件修改。",
        "paragraphs": [
            "各县（区）司法局，各人民调解委员会：",
            "为进一步调动人民调解员工作积极性，经研究，决定调整全市人民调解员案件补贴标准，现将有关事项通知如下。",
            "一、简易纠纷每件补贴标准调整为100元，一般纠纷调整为300元，重大疑难复杂纠纷经评审后最高不超过2000元。",
            "二、补贴经费由各县（区）财政纳入年度预算，按季度核发。",
        ],
    },
    {
        "slug": "zwgk-budget-disclosure",
        "title": "中共清江市委政法委员会部门预算公开说明",
        "days_ago": 75,
        "written_days_before": 2,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "",
        "category": "czyjs",
        "validity": Validity.VALID,
        "summary": "公开本部门年度收支预算总体情况、“三公”经费预算和政府采购预算等信息。",
        "paragraphs": [
            "根据预算公开有关规定，现将中共清江市委政法委员会本年度部门预算公开如下。",
            "本年度收入预算、支出预算均按照“量入为出、收支平衡”的原则编制，"
            "基本支出保障机构正常运转，项目支出重点用于平安建设、矛盾纠纷多元化解和政法队伍教育培训。",
            "“三公”经费预算较上年有所下降，其中因公出国（境）费为零。",
        ],
    },
    {
        "slug": "zwgk-old-petition-rules",
        "title": "清江市涉法涉诉信访事项办理暂行规定",
        "days_ago": 120,
        "written_days_before": 10,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "清政法〔{year}〕3号",
        "category": "zfzz",
        "validity": Validity.REPEALED,
        "summary": "规范涉法涉诉信访事项的受理、办理和终结程序。本规定已废止，仅供查阅。",
        "paragraphs": [
            "第一条  为依法处理涉法涉诉信访事项，保障信访人合法权益，维护司法权威，制定本规定。",
            "第二条  涉法涉诉信访事项由有管辖权的政法机关依法处理，实行诉访分离、依法终结。",
        ],
    },
]
