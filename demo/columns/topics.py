"""Demo content of the topics column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.topics.models import TopicArticlePage, TopicPage

from . import seeds
from .images import ensure_demo_image


@seeds("topics.topiccolumnpage")
def seed_topic(column):
    today = timezone.localdate()
    now = timezone.now()
    for spec in DEMO_TOPICS:
        topic = TopicPage.objects.child_of(column).filter(slug=spec["slug"]).first()
        if topic is None:
            topic = TopicPage(
                title=spec["title"],
                slug=spec["slug"],
                intro=spec["intro"],
                start_date=today - timedelta(days=spec["started_days_ago"]),
                end_date=(today + timedelta(days=spec["ends_in_days"])) if "ends_in_days" in spec else None,
                banner_image=ensure_demo_image(f"示范专题横幅：{spec['title']}", spec["slug"], 1200, 300),
            )
            column.add_child(instance=topic)
            topic.save_revision().publish()
        for article in spec["articles"]:
            if TopicArticlePage.objects.child_of(topic).filter(slug=article["slug"]).exists():
                continue
            item = TopicArticlePage(
                title=article["title"],
                slug=article["slug"],
                publish_date=now - timedelta(days=article["days_ago"]),
                summary=article["summary"],
                source=article["source"],
                author=article.get("author", ""),
                editor="市委政法委宣传教育处",
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in article["paragraphs"]],
            )
            topic.add_child(instance=item)
            item.save_revision().publish()


DEMO_TOPICS = [
    {
        "slug": "changtai-saohei",
        "title": "常态化扫黑除恶斗争",
        "intro": "持续推进扫黑除恶常态化，依法严惩群众反映强烈的黑恶犯罪，深挖彻查“保护伞”，"
        "巩固清江市平安建设成果。欢迎群众通过举报电话和书记信箱提供线索。",
        "started_days_ago": 200,
        "articles": [
            {
                "slug": "saohei-tongbao",
                "title": "清江市通报常态化扫黑除恶斗争阶段性成果",
                "days_ago": 6,
                "summary": "今年以来全市共打掉涉黑涉恶犯罪团伙11个，查扣涉案资产4300余万元。",
                "source": "清江市扫黑除恶斗争领导小组办公室",
                "author": "周明",
                "paragraphs": [
                    "近日，清江市扫黑除恶斗争领导小组办公室通报今年以来常态化扫黑除恶斗争阶段性成果。",
                    "全市政法机关坚持“打早打小、露头就打”，共打掉涉黑涉恶犯罪团伙11个，"
                    "查扣涉案资产4300余万元，一批群众反映强烈的“村霸”“行霸”受到依法严惩。",
                    "下一步，全市将围绕工程建设、交通运输、自然资源等重点行业领域持续开展整治。",
                ],
            },
            {
                "slug": "saohei-xiansuo",
                "title": "扫黑除恶线索举报方式公布",
                "days_ago": 35,
                "summary": "群众可通过举报电话、信件和网上平台举报涉黑涉恶线索，举报人信息严格保密。",
                "source": "清江市扫黑除恶斗争领导小组办公室",
                "paragraphs": [
                    "为充分发动群众参与常态化扫黑除恶斗争，现将线索举报方式公布如下。",
                    "举报电话：0571-88001110（工作日 8:30—17:30）；来信请寄：清江市人民大道1号市委大院3号楼。",
                    "对举报人的信息严格保密；经查证属实的，按规定给予奖励。",
                ],
            },
            {
                "slug": "saohei-hangye-zhengzhi",
                "title": "河西街道开展砂石行业乱象专项整治",
                "days_ago": 80,
                "summary": "联合执法清理无证砂场3处，规范运输车辆62辆。",
                "source": "清江市河西街道办事处",
                "author": "李倩",
                "paragraphs": [
                    "河西街道联合公安、自然资源、交通运输等部门，对辖区砂石行业开展专项整治。",
                    "整治期间共清理无证砂场3处，规范运输车辆62辆，移交涉恶线索2条。",
                ],
            },
        ],
    },
    {
        "slug": "xianfa-xuanchuanzhou",
        "title": "宪法宣传周",
        "intro": "围绕“大力弘扬宪法精神”主题，在全市机关、学校、社区和乡村集中开展宪法宣传教育活动。",
        "started_days_ago": 40,
        "ends_in_days": 30,
        "articles": [
            {
                "slug": "xianfa-jinshequ",
                "title": "宪法宣传进社区 普法志愿者面对面答疑",
                "days_ago": 3,
                "summary": "青石镇组织普法志愿者走进社区，为居民讲解宪法知识和身边的法律问题。",
                "source": "清江市司法局",
                "author": "王珂",
                "paragraphs": [
                    "青石镇组织20余名普法志愿者走进社区广场，设置咨询台、发放宣传资料。",
                    "志愿者结合婚姻家庭、邻里纠纷等身边事，向居民讲解宪法和法律知识，现场解答咨询60余人次。",
                ],
            },
            {
                "slug": "xianfa-chenyong",
                "title": "全市中小学开展“宪法晨读”活动",
                "days_ago": 10,
                "summary": "全市中小学师生同读宪法，增强青少年宪法意识。",
                "source": "清江市教育局",
                "paragraphs": [
                    "全市中小学在宪法宣传周期间集中开展“宪法晨读”活动，师生共同诵读宪法序言和重要条款。",
                ],
            },
        ],
    },
    {
        "slug": "anquan-shengchan-zhuanxiang",
        "title": "安全生产法治宣传月",
        "intro": "以案释法讲解安全生产法律责任，推动企业落实安全生产主体责任。本专题已结束，内容供查阅。",
        "started_days_ago": 150,
        "ends_in_days": -120,
        "articles": [
            {
                "slug": "anquan-yianshifa",
                "title": "以案释法：企业负责人未履行安全生产管理职责被依法追责",
                "days_ago": 125,
                "summary": "通过一起真实改编的案例，讲解生产经营单位主要负责人的安全生产法律责任。",
                "source": "清江市应急管理局",
                "paragraphs": [
                    "柳湾乡某加工企业主要负责人未组织制定安全操作规程，导致一起生产安全事故。",
                    "根据安全生产法有关规定，该负责人被依法处以罚款，企业被责令停产整顿。",
                ],
            },
        ],
    },
]
