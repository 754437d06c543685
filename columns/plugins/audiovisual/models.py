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

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel
from wagtailmedia.models import get_media_model
from wagtailmedia.settings import wagtailmedia_settings

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

    subpage_types = ["audiovisual.VideoPage", "audiovisual.AudioPage"]
    template = "audiovisual/audiovisual_column_page.html"

    class Meta:
        db_table = "columns_audiovisualcolumnpage"  # the table it had in the columns app
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
    template = "audiovisual/audiovisual_page.html"

    class Meta:
        db_table = "columns_videopage"  # the table it had in the columns app
        verbose_name = "视频节目"
        verbose_name_plural = "视频节目"


class AudioPage(AudiovisualPage):
    media_type = "audio"
    media_label = "音频"
    wrong_type_message = NOT_AN_AUDIO_MESSAGE

    content_panels = programme_panels("audio", "音频")
    template = "audiovisual/audiovisual_page.html"

    class Meta:
        db_table = "columns_audiopage"  # the table it had in the columns app
        verbose_name = "音频节目"
        verbose_name_plural = "音频节目"


PROGRAMME_MODELS = {"video": VideoPage, "audio": AudioPage}
