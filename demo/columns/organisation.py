"""Demo content of the organisation column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.organisation.models import (
    Department,
    DepartmentsPage,
    Leader,
    LeadershipPage,
    OrganisationFunctionsPage,
)

from . import seeds
from .images import ensure_demo_image


@seeds("organisation.organisationcolumnpage")
def seed_organisation(column):
    now = timezone.now()
    specs = [
        (OrganisationFunctionsPage, DEMO_FUNCTIONS, {}),
        (LeadershipPage, DEMO_LEADERSHIP, {"leaders": _demo_leaders}),
        (DepartmentsPage, DEMO_DEPARTMENTS, {"departments": _demo_departments}),
    ]
    for model, spec, relations in specs:
        if model.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        page = model(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            summary=spec["summary"],
            source="中共清江市委政法委员会",
            editor="办公室",
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
            **{name: build() for name, build in relations.items()},
        )
        column.add_child(instance=page)
        page.save_revision().publish()


def _demo_leaders():
    return [
        Leader(
            name=spec["name"],
            title=spec["title"],
            duties=spec["duties"],
            cv=spec["cv"],
            photo=ensure_demo_image(f"示范图片：{spec['title']}{spec['name']}", f"leader-{spec['slug']}", 360, 480),
        )
        for spec in DEMO_LEADERS
    ]


def _demo_departments():
    return [Department(**spec) for spec in DEMO_DEPARTMENT_ROWS]


DEMO_FUNCTIONS = {
    "slug": "jgzn",
    "title": "机构职能",
    "days_ago": 200,
    "summary": "中共清江市委政法委员会是市委领导和管理全市政法工作的职能部门，现将主要职能公布如下。",
    "paragraphs": [
        "中共清江市委政法委员会是市委领导和管理全市政法工作的职能部门，是实现党对政法工作领导的重要组织形式。主要职能是：",
        "（一）贯彻落实党中央和省委、市委关于政法工作的方针政策和决策部署，统筹政法工作中事关全局的重大问题，"
        "研究提出全市政法工作的指导意见。",
        "（二）协调推动政法各单位依法履行职责，统筹协调社会稳定、平安建设、市域社会治理等工作，"
        "推动完善矛盾纠纷多元预防调处化解综合机制。",
        "（三）组织推动政法领域全面深化改革，督促、检查、推动政法各单位执法司法工作，开展执法监督，维护社会公平正义。",
        "（四）指导推动政法队伍建设，协助市委及其组织部门考察、管理政法单位领导干部，推动全面从严管党治警。",
        "（五）指导各县（区）委政法委开展工作，完成市委交办的其他任务。",
    ],
}


DEMO_LEADERSHIP = {
    "slug": "ldxx",
    "title": "领导信息",
    "days_ago": 60,
    "summary": "市委政法委领导班子成员及工作分工。",
    "paragraphs": ["根据工作需要，现将市委政法委领导班子成员及分工公布如下。"],
}


DEMO_LEADERS = [
    {
        "slug": "shuji",
        "name": "江远明",
        "title": "市委常委、政法委书记",
        "duties": "主持市委政法委全面工作。",
        "cv": "男，汉族，研究生学历，法学硕士。历任清江市河西区委副书记、区长，清江市司法局局长等职。",
    },
    {
        "slug": "changwu",
        "name": "沈立清",
        "title": "市委政法委常务副书记",
        "duties": "协助书记负责市委政法委日常工作，分管办公室、政治部（队伍建设指导室），"
        "联系市中级人民法院、市人民检察院。",
        "cv": "女，汉族，大学学历，法律硕士。历任清江市人民检察院检察委员会专职委员、市委政法委执法监督科科长等职。",
    },
    {
        "slug": "fushuji-1",
        "name": "韩以宁",
        "title": "市委政法委副书记",
        "duties": "负责平安建设、市域社会治理和网格化服务管理工作，"
        "分管平安建设协调科、网格化服务管理科，联系市公安局。",
        "cv": "男，汉族，大学学历。历任青石镇党委书记，清江市公安局副局长等职。",
    },
    {
        "slug": "fushuji-2",
        "name": "方慧敏",
        "title": "市委政法委副书记",
        "duties": "负责执法监督、维护稳定和矛盾纠纷多元化解工作，分管执法监督科、维稳指导科，联系市司法局。",
        "cv": "女，汉族，研究生学历，法学硕士。历任清江市中级人民法院审判委员会委员、民一庭庭长等职。",
    },
    {
        "slug": "weiyuan",
        "name": "许嘉言",
        "title": "市委政法委委员、政治部主任",
        "duties": "负责政法队伍建设、政法宣传和机关党建工作，分管机关党委。",
        "cv": "男，汉族，大学学历。历任清江市委组织部干部一科科长，柳湾乡党委书记等职。",
    },
]


DEMO_DEPARTMENTS = {
    "slug": "nsjg",
    "title": "内设机构",
    "days_ago": 60,
    "summary": "市委政法委内设机构及其主要职责、联系电话。",
    "paragraphs": ["市委政法委设以下内设机构，群众来访请先电话联系。"],
}


DEMO_DEPARTMENT_ROWS = [
    {
        "name": "办公室",
        "functions": "负责机关日常运转，承担文电、会务、机要、保密、档案、信息、政务公开和财务等工作。",
        "phone": "0571-86120100",
    },
    {
        "name": "政治部（队伍建设指导室）",
        "functions": "指导全市政法队伍思想政治建设、领导班子建设和干部教育培训，承担机关人事和政法宣传工作。",
        "phone": "0571-86120110",
    },
    {
        "name": "执法监督科",
        "functions": "督促、检查政法各单位执法司法工作，协调处理重大涉法涉诉信访事项，组织开展执法司法案件评查。",
        "phone": "0571-86120120",
    },
    {
        "name": "维稳指导科",
        "functions": "研究分析社会稳定形势，指导协调防范化解影响社会稳定的风险隐患，推动重大决策社会稳定风险评估。",
        "phone": "0571-86120130",
    },
    {
        "name": "平安建设协调科",
        "functions": "统筹推进平安清江建设，承担平安建设考核、社会治安重点地区排查整治和矛盾纠纷多元化解的协调工作。",
        "phone": "0571-86120140",
    },
    {
        "name": "网格化服务管理科",
        "functions": "指导全市网格划分和专职网格员队伍建设，推动网格事件闭环处置，承担综治中心规范化建设的指导工作。",
        "phone": "0571-86120150",
    },
]
