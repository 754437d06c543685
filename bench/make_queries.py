"""Write bench/queries.jsonl: the labelled dev queries, each with the corpus titles that contain it.

The queries below are written by hand: political-legal topics a citizen would type,
multi-word and mixed-script queries, and short names of laws. Each line of the
output is {"query": ..., "kind": ..., "expected": [titles containing every word of the
query]}; title-hit@1 asks that the first result be one of ``expected``.

    .venv/bin/python bench/make_queries.py [../shared/corpus/laws-dev.jsonl.gz]
"""

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "laws-dev.jsonl.gz"

TOPICS = [
    "法治",
    "诈骗",
    "平安建设",
    "扫黑除恶",
    "人民调解",
    "法律援助",
    "社区矫正",
    "未成年人",
    "个人信息",
    "劳动合同",
    "工伤",
    "行政复议",
    "国家赔偿",
    "环境污染",
    "食品安全",
    "网络安全",
    "知识产权",
    "消费者",
    "非法集资",
    "洗钱",
    "毒品",
    "拐卖",
    "家庭暴力",
    "物业",
    "宅基地",
    "土地承包",
    "征收",
    "医疗事故",
    "交通事故",
    "最低工资",
    "社会保险",
    "残疾人",
    "老年人",
    "妇女",
    "见义勇为",
    "信访",
    "行政处罚",
    "行政许可",
    "政府信息公开",
    "数据安全",
    "垄断",
    "不正当竞争",
    "增值税",
    "证券",
    "破产",
    "担保",
    "婚姻",
    "继承",
    "收养",
    "监护",
    "名誉权",
    "肖像权",
    "诉讼时效",
    "精神损害",
    "正当防卫",
    "自首",
    "缓刑",
    "减刑",
    "假释",
    "死刑",
    "强制执行",
    "仲裁",
    "律师",
    "公证",
    "司法鉴定",
    "枫桥经验",
    "综治",
]
MULTI_WORD = [
    "劳动 仲裁",
    "未成年人 网络",
    "个人信息 保护",
    "环境 污染 赔偿",
    "交通事故 赔偿",
    "婚姻 财产",
    "食品 药品 安全",
    "电信 诈骗",
    "知识产权 刑事",
    "行政 诉讼 证据",
    "拖欠 工资",
    "醉酒 驾驶",
    "非法 采矿",
    "网络 谣言",
    "2021年 数据安全",
    "ＧＢ 18667",
    "GB/T 16180",
]
TITLES = [
    "国歌法", "慈善法", "食品安全法", "工伤保险条例", "民法典", "看守所条例", "疫苗管理法", "长城保护条例",
    "测绘法", "海关法", "反分裂国家法", "稀土管理条例", "行政区划管理条例", "著作权集体管理条例",
    "建设工程质量管理条例", "乳品质量安全监督管理条例", "噪声污染防治法", "环境保护税法", "反外国制裁法",
    "长江保护法", "人体损伤程度鉴定标准", "教育督导条例", "基本农田保护条例", "地震监测管理条例", "军服管理条例",
    "国防教育法", "招标投标法实施条例", "房产税暂行条例", "知识产权海关保护条例", "关键信息基础设施安全保护条例",
    "无人驾驶航空器飞行管理暂行条例", "广播电视设施保护条例", "民兵武器装备管理条例", "通用航空飞行管制条例",
    "反补贴条例", "收养子女登记办法", "国家自然科学基金条例", "城市民族工作条例", "旅游纠纷", "寻衅滋事",
]  # fmt: skip


def normalize(text):
    import unicodedata

    return unicodedata.normalize("NFKC", text or "").lower()


def words_of(query):
    import re

    return [word for word in re.findall(r"[^\W_]+", normalize(query))]


def contains_all(text, words):
    text = normalize(text)
    return all(word in text for word in words)


def main(corpus=DEFAULT_CORPUS):
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        titles = [json.loads(line)["title"] for line in lines if line.strip()]
    output = HERE / "queries.jsonl"
    with output.open("w", encoding="utf-8") as out:
        for kind, queries in (("topic", TOPICS), ("multi", MULTI_WORD), ("title", TITLES)):
            for query in queries:
                expected = sorted({title for title in titles if contains_all(title, words_of(query))})
                out.write(json.dumps({"query": query, "kind": kind, "expected": expected}, ensure_ascii=False) + "\n")
    print(f"wrote {output} ({len(TOPICS) + len(MULTI_WORD) + len(TITLES)} queries)")


if __name__ == "__main__":
    main(*sys.argv[1:])
