"""Demo content of the lessons column plugin (``manage.py seed_demo``)."""

from datetime import timedelta

from django.utils import timezone

from columns.plugins.lessons.models import LessonPage, LessonSeriesPage

from . import seeds
from .images import ensure_demo_image


@seeds("lessons.lessoncolumnpage")
def seed_lesson(column):
    series = LessonSeriesPage.objects.child_of(column).filter(slug=DEMO_SERIES["slug"]).first()
    if series is None:
        series = LessonSeriesPage(
            title=DEMO_SERIES["title"],
            slug=DEMO_SERIES["slug"],
            intro=DEMO_SERIES["intro"],
            cover_image=ensure_demo_image(f"示范图片：{DEMO_SERIES['title']}", DEMO_SERIES["slug"], 960, 540),
        )
        column.add_child(instance=series)
        series.save_revision().publish()
    now = timezone.now()
    for spec in DEMO_LESSONS:
        if LessonPage.objects.child_of(series).filter(slug=spec["slug"]).exists():
            continue
        lesson = LessonPage(
            title=spec["title"],
            slug=spec["slug"],
            lesson_number=spec["number"],
            publish_date=now - timedelta(days=30 - 7 * spec["number"]),
            summary=spec["summary"],
            source="清江市委政法委",
            body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
        )
        series.add_child(instance=lesson)
        lesson.save_revision().publish()


DEMO_SERIES = {
    "slug": "shibie-xiejiao",
    "title": "识别邪教 远离邪教",
    "intro": "三节短课，讲清邪教的常见特征、骗人套路和遇到邪教宣传时怎么办，适合社区、学校集中学习。",
}


DEMO_LESSONS = [
    {
        "slug": "xiejiao-tezheng",
        "number": 1,
        "title": "邪教的基本特征",
        "summary": "神化首要分子、宣扬歪理邪说、精神控制、聚敛钱财，是邪教组织的共同特征。",
        "paragraphs": [
            "邪教组织冒用宗教、气功或者其他名义建立，神化首要分子，利用制造、散布迷信邪说等手段蛊惑、蒙骗他人，发展、控制成员，危害社会。",
            "它们往往以“消灾祛病”“末日来临”吓唬人，切断信徒与家人的联系，再以“奉献”为名索要钱财。",
        ],
    },
    {
        "slug": "pianren-taolu",
        "number": 2,
        "title": "邪教骗人的常见套路",
        "summary": "从“免费义诊”“读书会”拉近关系，再一步步灌输邪说、要求保密和捐款。",
        "paragraphs": [
            "柳湾乡曾有村民被“免费健康讲座”吸引，几次活动后被要求“入会保平安”，并交纳所谓会费。",
            "凡是宣扬信了就能治病、不用吃药、要与家人断绝往来的，都要高度警惕。",
        ],
    },
    {
        "slug": "yudao-zenmeban",
        "number": 3,
        "title": "遇到邪教宣传怎么办",
        "summary": "不听、不信、不传，及时向村（社区）或公安机关报告。",
        "paragraphs": [
            "收到邪教传单、音像制品或网络链接，不要转发传播，可交给村（社区）干部或就近派出所处理。",
            "发现亲友受到邪教蒙骗，要多关心陪伴，必要时请社区网格员和反邪教志愿者一起帮助劝导。",
        ],
    },
]
