"""影音政法: self-hosted video and audio programmes, each with a full transcript (文字稿).

Programmes are column items (``VideoPage``, ``AudioPage``) holding one
wagtailmedia file, played by the browser's own <video>/<audio> player, so the
site needs no plugin or CDN. The transcript is required: deaf and elderly
readers, and anyone on a slow intranet, must get the content as text. The
listing can be narrowed to one media type with ``?type=video`` or
``?type=audio``.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel
from wagtailmedia.models import get_media_model
from wagtailmedia.settings import wagtailmedia_settings

from columns.demo_images import ensure_demo_image
from columns.demo_media import ensure_demo_media
from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

COVER_RENDITION = "fill-480x270"
NOT_A_VIDEO_MESSAGE = "所选文件是音频，不能作为视频发布。请在“视频文件”中选择视频，或新建“音频节目”发布这段音频。"
NOT_AN_AUDIO_MESSAGE = "所选文件是视频，不能作为音频发布。请在“音频文件”中选择音频，或新建“视频节目”发布这段视频。"
DURATION_MESSAGE = "时长必须大于0，格式为“时:分:秒”或“分:秒”，例如 3:25。"


def format_duration(seconds):
    """3:25 or 1:02:03, as players show it."""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def programme_panels(media_type, label):
    """The item panels with a media block after the title; the chooser offers only ``media_type`` files."""
    return [
        *ColumnItem.content_panels[:1],
        MultiFieldPanel(
            [
                MediaChooserPanel("media", media_type=media_type, heading=f"{label}文件"),
                FieldPanel("cover_image"),
                FieldPanel("duration"),
                FieldPanel("transcript"),
            ],
            heading=label,
        ),
        *ColumnItem.content_panels[1:],
    ]


@register_column
class AudiovisualColumnPage(ColumnPage):
    """Lists video and audio programmes with cover, type badge and duration; ``?type=`` keeps one type."""

    column_name = "影音政法"
    default_slug = "yyzf"
    icon = "media"
    update_interval = timedelta(days=92)
    items_per_page = 12

    subpage_types = ["columns.VideoPage", "columns.AudioPage"]
    template = "columns/audiovisual_column_page.html"

    class Meta:
        verbose_name = "影音政法栏目"
        verbose_name_plural = "影音政法栏目"

    def selected_type(self, query):
        """``video`` or ``audio`` when asked for; anything else means all programmes, never an error."""
        value = query.get("type")
        return value if value in PROGRAMME_MODELS else None

    def listing_items(self, request):
        programmes = self.items()
        media_type = self.selected_type(request.GET)
        if media_type:
            programmes = programmes.type(PROGRAMME_MODELS[media_type])
        return programmes.specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        programmes = list(context["items_page"].object_list)
        covers = (
            get_image_model()
            .objects.filter(pk__in={programme.cover_image_id for programme in programmes if programme.cover_image_id})
            .prefetch_renditions(COVER_RENDITION)
        )
        covers = {image.pk: image for image in covers}
        media = get_media_model().objects.in_bulk(
            {programme.media_id for programme in programmes if programme.media_id}
        )
        for programme in programmes:
            programme.listing_cover = covers.get(programme.cover_image_id)
            programme.media = media.get(programme.media_id)
        context["programmes"] = programmes
        context["media_type"] = self.selected_type(request.GET)
        context["type_choices"] = [(key, model.media_label) for key, model in PROGRAMME_MODELS.items()]
        context["query_suffix"] = f"&type={context['media_type']}" if context["media_type"] else ""
        return context

    def seed_demo(self):
        video = ensure_demo_media("示范视频：清江政法", "video", "yyzf-video")
        audio = ensure_demo_media("示范音频：法治广播片头", "audio", "yyzf-audio")
        now = timezone.now()
        for spec in DEMO_PROGRAMMES:
            model = PROGRAMME_MODELS[spec["type"]]
            if model.objects.child_of(self).filter(slug=spec["slug"]).exists():
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
            self.add_child(instance=programme)
            programme.save_revision().publish()


class AudiovisualPage(ColumnItem):
    """What video and audio programmes share: the media file, a cover, the duration and the transcript."""

    media_type = None
    media_label = None
    wrong_type_message = None

    media = models.ForeignKey(
        wagtailmedia_settings.MEDIA_MODEL,
        verbose_name="媒体文件",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="列表中显示；视频播放前也显示这张图。建议宽高比 16:9。",
    )
    duration = models.DurationField(
        "时长",
        null=True,
        blank=True,
        help_text="格式为“时:分:秒”或“分:秒”，例如 3:25；留空则使用媒体库中登记的时长。",
    )
    transcript = models.TextField(
        "文字稿",
        help_text="节目的完整文字内容，供听障读者、老年读者和无法播放的读者阅读。空一行分段。",
    )

    search_fields = [*ColumnItem.search_fields, index.SearchField("transcript")]

    subpage_types = []

    class Meta:
        abstract = True

    @property
    def duration_seconds(self):
        """Seconds from this page, else from the media library; None when neither knows."""
        if self.duration:
            return int(self.duration.total_seconds())
        if self.media and self.media.duration:
            return round(self.media.duration)
        return None

    @property
    def duration_label(self):
        seconds = self.duration_seconds
        return format_duration(seconds) if seconds else ""

    @property
    def duration_iso(self):
        seconds = self.duration_seconds
        return f"PT{seconds}S" if seconds else ""

    @property
    def media_file_size(self):
        """The file's size for the download link, or None when the storage cannot tell (missing file)."""
        try:
            return self.media.file.size if self.media else None
        except OSError:
            return None

    def clean(self):
        super().clean()
        errors = {}
        if self.media_id and self.media.type != self.media_type:
            errors["media"] = self.wrong_type_message
        if self.duration is not None and self.duration <= timedelta(0):
            errors["duration"] = DURATION_MESSAGE
        if errors:
            raise ValidationError(errors)


class VideoPage(AudiovisualPage):
    media_type = "video"
    media_label = "视频"
    wrong_type_message = NOT_A_VIDEO_MESSAGE

    content_panels = programme_panels("video", "视频")
    template = "columns/audiovisual_page.html"

    class Meta:
        verbose_name = "视频节目"
        verbose_name_plural = "视频节目"


class AudioPage(AudiovisualPage):
    media_type = "audio"
    media_label = "音频"
    wrong_type_message = NOT_AN_AUDIO_MESSAGE

    content_panels = programme_panels("audio", "音频")
    template = "columns/audiovisual_page.html"

    class Meta:
        verbose_name = "音频节目"
        verbose_name_plural = "音频节目"


PROGRAMME_MODELS = {"video": VideoPage, "audio": AudioPage}

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
