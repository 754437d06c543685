"""法律办事指南: one page per service (e.g. 申请法律援助, 办理公证), with the fields every guide must state.

The fields are structured rather than free text so that every guide answers
the same questions in the same order (who, conditions, materials, steps,
time limit, fees, where and when, phone, legal basis) and none is forgotten.
"""

from datetime import timedelta

from django.db import models

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from columns.models import ColumnPage
from columns.registry import register_column
from portal.validators import validate_phone

from ..lawtext import ARTICLE, chinese_to_int


class StepBlock(blocks.StructBlock):
    """One step of the procedure, in the order the applicant goes through them."""

    title = blocks.CharBlock(label="步骤", max_length=50)
    description = blocks.TextBlock(label="说明", required=False)

    class Meta:
        icon = "list-ol"
        label = "办理步骤"
        template = "legal_services/blocks/step_block.html"


class FormBlock(blocks.StructBlock):
    """A blank form applicants download, fill in and bring along."""

    document = DocumentChooserBlock(label="文件")
    title = blocks.CharBlock(label="显示名称", max_length=100, required=False, help_text="留空则用文件标题。")

    class Meta:
        icon = "doc-full"
        label = "表格"
        template = "legal_services/blocks/form_block.html"


@register_column
class GuideIndexPage(ColumnPage):
    """The guides, grouped by category."""

    column_name = "法律办事指南"
    default_slug = "flbszn"
    icon = "list-ul"
    update_interval = timedelta(days=180)
    subpage_types = ["legal_services.GuidePage"]
    template = "legal_services/guide_index_page.html"

    class Meta:
        verbose_name = "法律办事指南栏目"
        verbose_name_plural = "法律办事指南栏目"

    def guides(self):
        return GuidePage.objects.child_of(self).live().public().order_by("category", "title")

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        groups = {}
        for guide in self.guides():
            groups.setdefault(guide.category or "其他", []).append(guide)
        context["guide_groups"] = sorted(groups.items())
        return context


class GuidePage(Page):
    """One service guide. The title is the 事项名称."""

    category = models.CharField("类别", max_length=30, help_text="如：法律援助、公证、人民调解、司法鉴定。")
    applicable_to = models.TextField("适用对象", max_length=500)
    conditions = models.TextField("办理条件", max_length=2000)
    materials = StreamField(
        [("material", blocks.CharBlock(label="材料", max_length=200))],
        verbose_name="所需材料",
        help_text="每项材料一条，写明原件或复印件、份数。",
    )
    steps = StreamField([("step", StepBlock())], verbose_name="办理流程", help_text="按办理顺序排列。")
    time_limit = models.CharField("办理时限", max_length=200)
    fees = models.CharField("收费标准", max_length=200, help_text="不收费的写“不收费”。")
    place_and_hours = models.TextField("办理地点与时间", max_length=500)
    phone = models.CharField("咨询电话", max_length=30, validators=[validate_phone])
    forms = StreamField([("form", FormBlock())], verbose_name="表格下载", blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("category"),
        FieldPanel("applicable_to"),
        FieldPanel("conditions"),
        FieldPanel("materials"),
        FieldPanel("steps"),
        MultiFieldPanel(
            [FieldPanel("time_limit"), FieldPanel("fees"), FieldPanel("place_and_hours"), FieldPanel("phone")],
            heading="时限、收费和地点",
        ),
        InlinePanel("legal_bases", heading="法律依据", label="法律依据"),
        FieldPanel("forms"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("applicable_to"),
        index.SearchField("conditions"),
        index.FilterField("category"),
    ]

    parent_page_types = ["legal_services.GuideIndexPage"]
    subpage_types = []
    template = "legal_services/guide_page.html"

    class Meta:
        verbose_name = "法律办事指南"
        verbose_name_plural = "法律办事指南"


class GuideLegalBasis(Orderable):
    """A law (and optionally one article of it) the service rests on, linked to the law library."""

    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="legal_bases")
    law = models.ForeignKey(
        "legal_services.LawPage", verbose_name="法律法规", on_delete=models.CASCADE, related_name="+"
    )
    article = models.CharField("条款", max_length=30, blank=True, help_text="如：第四十三条。留空则链接到全文。")

    panels = [PageChooserPanel("law", page_type="legal_services.LawPage"), FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = "法律依据"
        verbose_name_plural = "法律依据"

    @property
    def anchor(self):
        """``art-43`` for 第四十三条, matching the anchors of the law page; empty when none is given or readable."""
        match = ARTICLE.match(self.article.strip() + " ")
        if not match or not chinese_to_int(match.group(1)):
            return ""
        suffix = chinese_to_int(match.group(2)) if match.group(2) else None
        return f"art-{chinese_to_int(match.group(1))}" + (f"-{suffix}" if suffix else "")
