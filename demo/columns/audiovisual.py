"""Demo content of the audiovisual column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.audiovisual.models import PROGRAMME_MODELS

from . import seeds
from .images import ensure_demo_image
from .media import ensure_demo_media


@seeds("audiovisual.audiovisualcolumnpage")
def seed_audiovisual(column):
    video = ensure_demo_media("示范视频：清江政法", "video", "yyzf-video")
    audio = ensure_demo_media("示范音频：法治广播片头", "audio", "yyzf-audio")
    now = timezone.now()
    for spec in DEMO_PROGRAMMES:
        model = PROGRAMME_MODELS[spec["type"]]
        if model.objects.child_of(column).filter(slug=spec["slug"]).exists():
            continue
        programme = model(
            title=spec["title"],
            slug=spec["slug"],
            publish_date=now - timedelta(days=spec["days_ago"]),
            summary=spec["summary"],
            source=spec["source"],
            author=spec.get("author", ""),
            editor="市委政法委宣传教育处",
            media=video if spec["type"] == "video" else audio,
            cover_image=ensure_demo_image(f"示范封面：{spec['title']}", spec["slug"], 960, 540),
            transcript="\n\n".join(spec["transcript"]),
            body=[("paragraph", f"<p>{spec['summary']}</p>")],
        )
        column.add_child(instance=programme)
        programme.save_revision().publish()


DEMO_PROGRAMMES = [
    {
        "slug": "fengqiao-tiaojie-jishi",
        "type": "video",
        "title": "“枫桥式”人民调解：柳湾乡调解室的一天",
        "days_ago": 4,
        "summary": "跟随柳湾乡人民调解委员会的调解员，看一起土地边界纠纷如何在村里化解。",
        "source": "清江市委政法委",
        "author": "陈晓峰",
        "transcript": [
            "【画面：柳湾乡人民调解室，墙上挂着“小事不出村、大事不出乡”的标语。】",
            "解说：早上八点半，柳湾乡人民调解委员会调解员老张已经来到调解室。今天要调解的，是两户村民因承包地边界产生的纠纷。",
            "调解员：两家都是几十年的邻居，地界的事，咱们拿出当年的承包合同和测量图，一起到地头看一看。",
            "解说：经过实地测量和两个多小时的耐心调解，双方签订了调解协议，握手言和。",
            "解说：今年以来，柳湾乡已调解各类矛盾纠纷八十余件，调解成功率超过九成。",
        ],
    },
    {
        "slug": "fanzha-shuadan-fanli",
        "type": "video",
        "title": "反诈短片：“刷单返利”都是骗局",
        "days_ago": 12,
        "summary": "河西街道民警用一个真实改编的案例，讲清“刷单返利”诈骗的套路。",
        "source": "清江市公安局河西派出所",
        "transcript": [
            "【画面：一位年轻人在手机上收到“日赚三百、足不出户”的兼职广告。】",
            "民警：刷单返利，开始给你小额返利，让你尝到甜头；等你投入的钱越来越多，对方就说你“操作失误”，要你继续转账才能提现。",
            "民警：记住三句话：凡是刷单都是诈骗，凡是先交钱的兼职都是诈骗，凡是陌生人让你下载会议软件共享屏幕的都是诈骗。",
            "民警：遇到可疑情况，请拨打反诈专线96110咨询。",
        ],
    },
    {
        "slug": "fazhi-guangbo-qianxin",
        "type": "audio",
        "title": "法治广播：遇到欠薪怎么办",
        "days_ago": 7,
        "summary": "律师讲解农民工被拖欠工资时的维权途径：协商、投诉、仲裁和法律援助。",
        "source": "清江人民广播电台《法治时间》",
        "author": "刘律师",
        "transcript": [
            "主持人：各位听众朋友，欢迎收听《法治时间》。年底将至，今天我们请来刘律师，聊聊遇到欠薪怎么办。",
            "刘律师：首先要保存好证据，比如考勤记录、工资条、聊天记录和工友证言。",
            "刘律师：可以先和用人单位协商；协商不成，可以向人力资源和社会保障部门投诉，也可以申请劳动仲裁。",
            "刘律师：经济困难的农民工，可以到县（区）公共法律服务中心申请法律援助，追索劳动报酬的案件不受经济困难条件限制。",
            "主持人：感谢刘律师。本期节目就到这里，我们下期再见。",
        ],
    },
    {
        "slug": "fazhi-guangbo-yanglao-zhapian",
        "type": "audio",
        "title": "法治广播：老年人如何防范养老诈骗",
        "days_ago": 21,
        "summary": "“高额回报”“以房养老”“保健品包治百病”，民警提醒老年朋友识破养老诈骗。",
        "source": "清江人民广播电台《法治时间》",
        "transcript": [
            "主持人：很多老年朋友反映，总有人上门推销“养老项目”，承诺高额回报。这可信吗？",
            "民警：承诺保本高收益的“养老投资”，要求把房子抵押出去的“以房养老”，说能包治百病的保健品，都要高度警惕。",
            "民警：遇到这类情况，先和子女商量，也可以拨打110或者到社区咨询，千万不要急着签字、转账。",
        ],
    },
]
