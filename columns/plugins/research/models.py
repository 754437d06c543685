"""调查研究: research reports, each with its full text as a required download.

A report is only useful to readers when the document itself can be
downloaded, so publishing without one is refused; further material (survey
tables, annexes) goes into the inherited attachments.
"""

from datetime import timedelta

from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

REPORT_REQUIRED_MESSAGE = "请选择调研报告文件：调查研究信息必须附报告全文供下载。"


class ResearchReportForm(WagtailAdminPageForm):
    """Says in Chinese why a report cannot be published without its file, instead of a generic 'required'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "report" in self.fields:
            self.fields["report"].error_messages["required"] = REPORT_REQUIRED_MESSAGE


@register_column
class ResearchColumnPage(ColumnPage):
    column_name = "调查研究"
    default_slug = "dcyj"
    icon = "doc-full-inverse"
    update_interval = timedelta(days=183)

    subpage_types = ["research.ResearchReportPage"]
    template = "research/research_column_page.html"

    class Meta:
        db_table = "columns_researchcolumnpage"  # the table it had in the columns app
        verbose_name = "调查研究栏目"
        verbose_name_plural = "调查研究栏目"


class ResearchReportPage(ColumnItem):
    """A research report: who wrote it, its summary, and the report file as a prominent download."""

    author_units = models.CharField(
        "调研单位", max_length=200, help_text="课题组或牵头单位；多个单位用顿号（、）分隔。"
    )
    report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="调研报告",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="报告全文（建议PDF格式），页面上显示为“下载报告”。其他材料请放在下方“附件”中。",
    )

    content_panels = [
        *ColumnItem.content_panels[:2],
        MultiFieldPanel([FieldPanel("author_units"), FieldPanel("report")], heading="调研报告"),
        *ColumnItem.content_panels[2:],
    ]
    search_fields = [*ColumnItem.search_fields, index.SearchField("author_units")]
    base_form_class = ResearchReportForm

    subpage_types = []
    template = "research/research_report_page.html"

    class Meta:
        db_table = "columns_researchreportpage"  # the table it had in the columns app
        verbose_name = "调研报告"
        verbose_name_plural = "调研报告"
