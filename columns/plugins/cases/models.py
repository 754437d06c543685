"""以案说法: real-life cases explained by the people who handled them.

Each item tells the case (案情简介), lets judges, prosecutors, lawyers or
mediators comment on it (at least one commentary, which is the point of the
column), and quotes the statutes it turns on.
"""

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

SPEAKER_ROLES = [
    ("judge", "法官"),
    ("prosecutor", "检察官"),
    ("lawyer", "律师"),
    ("mediator", "人民调解员"),
    ("other", "其他"),
]

CASE_SUMMARY_REQUIRED_MESSAGE = "请填写案情简介。"
COMMENTARY_REQUIRED_MESSAGE = "请至少添加一条法官、检察官、律师或人民调解员的说法。"

# 第一千一百六十五条, 第287条, 第二百八十七条之二 ...
ARTICLE_NUMBER_RE = re.compile(r"^第[零〇一二两三四五六七八九十百千万\d]+条(之[一二三四五六七八九十\d]+)?$")


class CommentaryBlock(blocks.StructBlock):
    """One expert's comment on the case; the role and unit tell readers why the comment carries weight."""

    speaker = blocks.CharBlock(label="说法人", max_length=50)
    role = blocks.ChoiceBlock(label="身份", choices=SPEAKER_ROLES, default="judge")
    unit = blocks.CharBlock(label="所在单位", max_length=100, help_text="例如：清江市人民法院青石法庭")
    comment = blocks.TextBlock(label="说法内容")

    class Meta:
        icon = "openquote"
        label = "说法"
        template = "blocks/case_commentary_block.html"
        preview_value = {
            "speaker": "王法官",
            "role": "judge",
            "unit": "清江市人民法院",
            "comment": "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["role_label"] = dict(SPEAKER_ROLES).get(value["role"], "")
        return context


class CommentaryStreamBlock(blocks.StreamBlock):
    """The commentaries of a case; the column exists for them, so a published case needs at least one."""

    comment = CommentaryBlock()

    class Meta:
        min_num = 1

    def clean(self, value):
        if self.required and not self.is_deferred_validation and not value:
            raise StreamBlockValidationError(non_block_errors=[ValidationError(COMMENTARY_REQUIRED_MESSAGE)])
        return super().clean(value)


class CaseStudyForm(WagtailAdminPageForm):
    """Names the missing part of a case in Chinese instead of a generic 'required'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "case_summary" in self.fields:
            self.fields["case_summary"].error_messages["required"] = CASE_SUMMARY_REQUIRED_MESSAGE


class StatuteBlock(blocks.StructBlock):
    """A quoted statute article; 书名号 typed by editors are removed because the template adds them."""

    law_name = blocks.CharBlock(label="法律名称", max_length=100, help_text="不加书名号，例如：中华人民共和国民法典")
    article_number = blocks.CharBlock(label="条文序号", max_length=30, help_text="例如：第一千一百六十五条")
    article_text = blocks.TextBlock(label="条文内容")

    class Meta:
        icon = "doc-full"
        label = "法条"
        template = "blocks/case_statute_block.html"
        preview_value = {
            "law_name": "中华人民共和国民法典",
            "article_number": "第一千一百六十五条",
            "article_text": "行为人因过错侵害他人民事权益造成损害的，应当承担侵权责任。",
        }

    def clean(self, value):
        value = super().clean(value)
        value["law_name"] = value["law_name"].strip().strip("《》")
        value["article_number"] = re.sub(r"\s+", "", value["article_number"])
        if value["article_number"] and not ARTICLE_NUMBER_RE.match(value["article_number"]):
            raise StructBlockValidationError(
                block_errors={
                    "article_number": ValidationError(
                        "条文序号格式不正确，应为“第……条”，例如：第一千一百六十五条、第二百八十七条之二。"
                    )
                }
            )
        return value


@register_column
class CaseStudyColumnPage(ColumnPage):
    column_name = "以案说法"
    default_slug = "yasf"
    icon = "openquote"
    update_interval = timedelta(days=30)

    subpage_types = ["cases.CaseStudyPage"]
    template = "cases/case_study_column_page.html"

    class Meta:
        db_table = "columns_casestudycolumnpage"  # the table it had in the columns app
        verbose_name = "以案说法栏目"
        verbose_name_plural = "以案说法栏目"


class CaseStudyPage(ColumnItem):
    """A case explained: 案情简介, then the inherited body (e.g. the judgment), 法官/律师说法 and 相关法条."""

    case_summary = RichTextField(
        "案情简介", features=["bold", "italic", "ol", "ul"], help_text="简要交代当事人（可化名）、经过和处理结果。"
    )
    commentary = StreamField(
        CommentaryStreamBlock(),
        verbose_name="法官/律师说法",
        help_text="至少一条：法官、检察官、律师或人民调解员对本案的解读。",
    )
    statutes = StreamField([("statute", StatuteBlock())], verbose_name="相关法条", blank=True)

    content_panels = [
        *ColumnItem.content_panels[:3],
        FieldPanel("case_summary"),
        *ColumnItem.content_panels[3:4],
        FieldPanel("commentary"),
        FieldPanel("statutes"),
        *ColumnItem.content_panels[4:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.SearchField("case_summary"),
        index.SearchField("commentary"),
        index.SearchField("statutes"),
    ]

    base_form_class = CaseStudyForm

    subpage_types = []
    template = "cases/case_study_page.html"

    class Meta:
        db_table = "columns_casestudypage"  # the table it had in the columns app
        verbose_name = "以案说法"
        verbose_name_plural = "以案说法"

    def clean(self):
        super().clean()
        if self.case_summary and not strip_tags(self.case_summary).strip():
            # An editor emptied of text still submits an empty paragraph, which would pass as "filled in".
            raise ValidationError({"case_summary": CASE_SUMMARY_REQUIRED_MESSAGE})
