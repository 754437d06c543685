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

    def seed_demo(self):
        for spec in DEMO_GUIDES:
            if GuidePage.objects.child_of(self).filter(slug=spec["slug"]).exists():
                continue
            guide = GuidePage(
                **{key: value for key, value in spec.items() if key not in ("materials", "steps")},
                materials=[("material", material) for material in spec["materials"]],
                steps=[("step", {"title": title, "description": text}) for title, text in spec["steps"]],
            )
            self.add_child(instance=guide)
            guide.save_revision().publish()


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


DEMO_GUIDES = [
    {
        "slug": "flyz-shenqing",
        "title": "申请法律援助",
        "category": "法律援助",
        "applicable_to": "因经济困难没有委托代理人或辩护人的本市居民，以及法律规定不受经济困难条件限制的当事人。",
        "conditions": "符合法律援助事项范围；经济困难或属于免予核查经济困难状况的情形；案件属于本市法律援助机构管辖。",
        "materials": [
            "居民身份证或其他有效身份证明原件及复印件1份",
            "法律援助申请表1份（可在本页下载）",
            "经济困难状况说明表，或最低生活保障、特困供养等证明材料",
            "与所申请法律援助事项有关的证据材料",
        ],
        "steps": [
            ("提出申请", "到清江市法律援助中心、各镇街司法所窗口，或通过本网站“网上法律援助”在线申请。"),
            ("审查", "法律援助机构自收到申请之日起七日内进行审查；材料不齐全的，一次性告知需补充的材料。"),
            ("决定", "符合条件的作出给予法律援助的决定，不符合条件的书面告知理由。"),
            ("指派", "决定给予法律援助的，指派律师、基层法律服务工作者或法律援助志愿者提供服务。"),
        ],
        "time_limit": "自收到申请之日起7日内作出是否给予法律援助的决定",
        "fees": "不收费",
        "place_and_hours": "清江市法律援助中心（清江市人民路88号公共法律服务中心一楼），工作日 8:30-12:00、14:00-17:30",
        "phone": "12348",
    },
    {
        "slug": "rmtj-shenqing",
        "title": "申请人民调解",
        "category": "人民调解",
        "applicable_to": "发生婚姻家庭、邻里、物业、劳动、损害赔偿等民间纠纷的当事人。",
        "conditions": "属于民间纠纷；当事人自愿调解；不属于法律规定只能由专门机关处理的纠纷。",
        "materials": ["当事人身份证明", "纠纷基本情况和相关证据材料"],
        "steps": [
            ("申请", "向纠纷发生地的村（居）民委员会或镇街人民调解委员会口头或书面申请。"),
            ("受理", "调解委员会认为可以调解的予以受理，并告知当事人权利义务。"),
            ("调解", "在查明事实、分清是非的基础上进行调解，达成协议的制作调解协议书。"),
        ],
        "time_limit": "一般在受理之日起30日内调解终结",
        "fees": "不收费",
        "place_and_hours": "各村（居）民委员会、镇街人民调解委员会，工作日办公时间",
        "phone": "0571-88000000",
    },
]
