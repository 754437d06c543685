"""Demo content of 法律法规库 (``manage.py seed_demo``): one law; ``manage.py import_laws`` loads real ones."""

from datetime import date

from legal_services.models import LawPage

from . import seeds


@seeds("legal_services.lawlibrarypage")
def seed_laws(column):
    """One law to show how the library looks; real content comes from ``manage.py import_laws``."""
    if LawPage.objects.child_of(column).filter(slug=DEMO_LAW["slug"]).exists():
        return
    law = LawPage(**DEMO_LAW)
    column.add_child(instance=law)
    law.save_revision().publish()


DEMO_LAW = {
    "slug": "flyzf-demo",
    "title": "中华人民共和国法律援助法（节选）",
    "authority": "全国人民代表大会常务委员会",
    "published_date": date(2021, 8, 20),
    "effective_date": date(2022, 1, 1),
    "category": "社会法",
    "body": "\n".join(
        [
            "2021年8月20日 第十三届全国人民代表大会常务委员会第三十次会议通过",
            "第一章　总则",
            "第一条 为了规范和促进法律援助工作，保障公民和有关当事人的合法权益，保障法律正确实施，"
            "维护社会公平正义，制定本法。",
            "第二条 本法所称法律援助，是国家建立的为经济困难公民和符合法定条件的其他当事人无偿提供法律咨询、"
            "代理、刑事辩护等法律服务的制度，是公共法律服务体系的组成部分。",
            "第五章　程序和实施",
            "第四十三条 法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出是否给予法律援助的决定；"
            "决定给予法律援助的，应当自作出决定之日起三日内指派法律援助人员为受援人提供法律援助；"
            "决定不给予法律援助的，应当书面告知申请人，并说明理由。",
            "申请人提交的申请材料不齐全的，法律援助机构应当一次性告知申请人需要补充的材料或者要求申请人作出说明。"
            "申请人未按要求补充材料或者作出说明的，视为撤回申请。",
        ]
    ),
}
