"""StreamField blocks for the bodies of column items: text, images, video, audio, files."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock


class FigureBlock(blocks.StructBlock):
    """An image with a caption; alt text falls back to the image's own description."""

    image = ImageChooserBlock(label="图片")
    alt_text = blocks.CharBlock(
        label="替代文字", required=False, max_length=200, help_text="供读屏软件朗读；留空则使用图片描述或标题。"
    )
    caption = blocks.CharBlock(label="图片说明", required=False, max_length=200)

    class Meta:
        icon = "image"
        label = "图片"
        template = "blocks/figure_block.html"
        preview_value = {"caption": "图片说明文字"}


class VideoBlock(blocks.StructBlock):
    """A self-hosted video (wagtailmedia), played by the browser without plugins or CDNs."""

    video = VideoChooserBlock(label="视频")
    caption = blocks.CharBlock(label="视频说明", required=False, max_length=200)

    class Meta:
        icon = "media"
        label = "视频"
        template = "blocks/video_block.html"


class AudioBlock(blocks.StructBlock):
    """A self-hosted audio recording (wagtailmedia), for example a radio programme."""

    audio = AudioChooserBlock(label="音频")
    caption = blocks.CharBlock(label="音频说明", required=False, max_length=200)

    class Meta:
        icon = "media"
        label = "音频"
        template = "blocks/audio_block.html"


class QuoteBlock(blocks.StructBlock):
    """A highlighted quotation, such as a leader's remark or a legal provision."""

    text = blocks.TextBlock(label="引文")
    attribution = blocks.CharBlock(label="出处", required=False, max_length=100)

    class Meta:
        icon = "openquote"
        label = "引文"
        template = "blocks/quote_block.html"
        preview_value = {"text": "法治是最好的营商环境。", "attribution": "摘自讲话"}


class BodyBlock(blocks.StreamBlock):
    """The body of an item: the blocks an editor can stack in any order."""

    paragraph = blocks.RichTextBlock(
        label="正文",
        icon="pilcrow",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"],
        template="blocks/paragraph_block.html",
    )
    figure = FigureBlock()
    video = VideoBlock()
    audio = AudioBlock()
    quote = QuoteBlock()


class AttachmentBlock(blocks.StructBlock):
    """A downloadable file listed under the item, as government notices require."""

    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="显示名称", required=False, max_length=200, help_text="留空则使用文件标题。")

    class Meta:
        icon = "doc-full"
        label = "附件"
