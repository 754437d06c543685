"""Write bench/resident_queries.jsonl: the second labelled set, queries as residents type them.

The queries below were written by hand before looking at any result, from what
people bring to a 政法委 portal, a 12348 hotline or a community mediation room:
short colloquial phrases (欠薪, 醉驾, 彩礼), local matters (网格员, 物业费, 宅基地),
service numbers alone or with words (12348, 110, 12315), and a few space-separated
pairs. None is taken from a corpus title. Relevance is judged by one mechanical
rule, the one a citizen means: an item is relevant when it contains the query as
written, or, for a space-separated query, every part as written (after NFKC and
lower-casing). ``expected`` lists the corpus titles that satisfy the rule, so
title-hit@1 asks that the first result be one of them; ``relevant`` is how many
items (title or body) satisfy it. bench/run_search.py recomputes relevance from the
database it searches, so the same set also judges the generated 10x corpus.

    .venv/bin/python bench/make_resident_queries.py [../shared/corpus/laws-dev.jsonl.gz]
"""

import gzip
import json
import sys
from pathlib import Path

from make_queries import DEFAULT_CORPUS, normalize, words_of

HERE = Path(__file__).resolve().parent

COLLOQUIAL = [
    "离婚", "彩礼", "抚养费", "赡养", "遗嘱", "借条", "欠款", "欠薪", "讨薪", "加班费",
    "辞退", "开除", "试用期", "工资", "社保", "医保", "养老金", "低保", "房租", "押金",
    "拆迁", "补偿款", "酒驾", "醉驾", "超速", "闯红灯", "驾照", "罚款", "拘留", "取保候审",
    "报警", "打架", "斗殴", "轻伤", "重伤", "伤残", "车祸", "逃逸", "无证驾驶", "摩托车",
    "电动车", "高利贷", "利息", "网贷", "传销", "赌博", "吸毒", "卖淫", "家暴", "虐待",
    "遗弃", "拐卖", "失踪", "走失", "精神病", "农民工", "包工头", "劳务派遣", "经济补偿", "赔偿金",
    "产假", "年假", "病假", "退休", "职业病", "尘肺", "假货", "退货", "网购", "快递",
    "外卖", "直播", "过期", "食物中毒", "农药", "种子", "耕地", "房产证", "公积金", "发票",
    "营业执照", "噪音", "扰民", "装修", "违章建筑", "消防", "火灾", "燃气", "电梯", "校车",
    "欺凌", "霸凌", "留守儿童", "孤儿", "领养", "监护人", "养老院", "敬老院", "租房", "二手房",
    "征地", "青苗", "土地流转", "承包地", "老赖", "失信", "黑名单", "征信", "银行卡", "信用卡",
    "验证码", "刷单", "理财", "集资", "民间借贷", "抵押", "保险理赔", "交强险", "渣土车", "污水",
    "垃圾分类", "秸秆", "烟花爆竹", "枪支", "管制刀具", "无人机", "野生动物", "电鱼", "禁渔", "砍树",
    "防汛", "地震", "疫情", "口罩", "疫苗", "监控", "摄像头", "人脸识别", "隐私", "泄露",
    "手机号", "微信", "网络暴力", "谣言", "网络游戏", "防沉迷", "未成年", "上访", "敲诈勒索", "非法拘禁",
    "套路贷", "催收", "黑社会", "恶势力", "保护伞", "打官司", "律师费", "诉讼费", "立案", "上诉",
    "再审", "判决书", "执行难", "见义勇为", "志愿者", "退役军人", "残疾证", "五保户", "救助", "流浪",
]  # fmt: skip
LOCAL = [
    "网格员", "调解员", "人民陪审员", "村委会", "居委会", "村规民约", "业主委员会", "物业费", "物业公司", "停车位",
    "派出所", "司法所", "公证处", "法律援助中心", "信访局", "综治中心", "政法委", "雪亮工程", "扫黑", "宅基地",
    "小区", "城管", "乡镇", "街道办",
]  # fmt: skip
NUMBERS = [
    "12348", "110", "120", "119", "12315", "12345", "12348热线", "110报警", "2020年", "2021年",
    "18周岁", "14周岁", "16周岁", "60周岁", "3年", "6个月", "30日", "15日",
]  # fmt: skip
MULTI = [
    "离婚 财产", "工伤 赔偿", "拖欠 工资", "酒驾 处罚", "租房 押金", "老人 诈骗", "物业 停车", "未成年 打工",
    "车祸 赔偿", "邻居 噪音", "宅基地 纠纷", "网购 退货", "加班 工资", "借钱 不还", "12348 法律援助", "110 报警",
]  # fmt: skip


def main(corpus=DEFAULT_CORPUS):
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        laws = [json.loads(line) for line in lines if line.strip()]
    titles = [normalize(law["title"]) for law in laws]
    texts = [normalize(law["title"] + "\n" + law["body"]) for law in laws]
    output = HERE / "resident_queries.jsonl"
    count = 0
    with output.open("w", encoding="utf-8") as out:
        for kind, queries in (("colloquial", COLLOQUIAL), ("local", LOCAL), ("number", NUMBERS), ("multi", MULTI)):
            for query in queries:
                words = words_of(query)
                expected = sorted(
                    {law["title"] for law, title in zip(laws, titles, strict=True) if all(w in title for w in words)}
                )
                relevant = sum(all(word in text for word in words) for text in texts)
                record = {"query": query, "kind": kind, "expected": expected, "relevant": relevant}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    print(f"wrote {output} ({count} queries)")


if __name__ == "__main__":
    main(*sys.argv[1:])
