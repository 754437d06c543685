"""Political-legal terms and synonyms the site starts with; editors maintain them afterwards."""

from django.db import migrations

TERMS = [
    "扫黑除恶",
    "综治",
    "综治中心",
    "网格员",
    "网格化",
    "政法委",
    "政法委员会",
    "以案说法",
    "平安建设",
    "法治建设",
    "枫桥经验",
    "矛盾纠纷",
    "人民调解",
    "电信诈骗",
    "电信网络诈骗",
    "反诈",
    "普法",
    "法律援助",
    "社区矫正",
    "见义勇为",
    "政法队伍",
    "执法司法",
    "平安中国",
    "法治中国",
    "综合治理",
    "黑恶势力",
    "信访",
    "非法集资",
    "防范化解",
    "公共法律服务",
]
SYNONYMS = [
    "政法委，政法委员会",
    "综治，综合治理",
    "反诈，反电信网络诈骗",
    "扫黑除恶，扫黑除恶专项斗争",
]


def add_defaults(apps, schema_editor):
    SearchTerm = apps.get_model("search", "SearchTerm")
    Synonym = apps.get_model("search", "Synonym")
    for word in TERMS:
        SearchTerm.objects.get_or_create(word=word)
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext_structures")]

    operations = [migrations.RunPython(add_defaults, migrations.RunPython.noop)]
