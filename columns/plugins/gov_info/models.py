"""政务公开: policy documents with the government-information catalogue fields.

Each document carries what a 政府信息公开目录 lists: an index number (索引号)
the system allocates once and never changes, the issuing body, the document
number (文号), the dates, a subject category and whether it is still in force.
Inspection rules expect policy-document columns to be updated at least every
six months.
"""

import re
from datetime import timedelta
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import register_column
from portal.models import SiteIdentity
from portal.serials import next_serial

DEFAULT_INDEX_PREFIX = "QJZFW"

CATEGORY_CHOICES = [
    ("zhzw", "综合政务"),
    ("gaaqsf", "公安、安全、司法"),
    ("zfzz", "政法综治"),
    ("rsgz", "人事工作"),
    ("czyjs", "财政预决算"),
    ("qt", "其他"),
]


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "已废止"


# 机关代字〔年份〕序号号, e.g. 清政法〔2026〕12号; [ ], ［ ］ and 【 】 are normalised to 〔 〕.
DOCUMENT_NUMBER_RE = re.compile(r"^(?P<agency>[\u4e00-\u9fff]{1,20})〔(?P<year>\d{4})〕(?P<number>[1-9]\d{0,4})号$")
BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕"})


def normalise_document_number(value):
    """Return 文号 ``value`` in its canonical form, or raise a ValidationError explaining the expected format.

    Editors type the brackets in several ways; listings and searches should
    show one form only.
    """
    candidate = re.sub(r"\s+", "", value).translate(BRACKETS)
    if not DOCUMENT_NUMBER_RE.match(candidate):
        raise ValidationError(
            "文号格式不正确，应为“机关代字〔年份〕序号号”，例如：清政法〔2026〕12号（年份为4位数字，序号不以0开头）。"
        )
    return candidate


def allocate_index_number(year, prefix=DEFAULT_INDEX_PREFIX):
    """Give out the next 索引号 of ``year``, e.g. ``QJZFW/2026-00012``.

    The sequence comes from a locked counter row (``portal.serials``), so two
    processes publishing at the same moment never take the same number; the
    unique constraint on ``GovInfoPage.index_number`` is the last line of
    defence. Numbers already taken (imported documents) are skipped.
    """
    while True:
        number = f"{prefix}/{year}-{next_serial(f'govinfo-index-{year}'):05d}"
        if not GovInfoPage.objects.filter(index_number=number).exists():
            return number


@register_column
class GovInfoColumnPage(ColumnPage):
    """Lists policy documents, filterable by 主题分类 and year through GET parameters ``category`` and ``year``."""

    column_name = "政务公开"
    default_slug = "zwgk"
    icon = "doc-full"
    update_interval = timedelta(days=183)

    subpage_types = ["gov_info.GovInfoPage", "disclosure.DisclosurePage"]
    template = "gov_info/gov_info_column_page.html"

    class Meta:
        db_table = "columns_govinfocolumnpage"  # the table it had in the columns app
        verbose_name = "政务公开栏目"
        verbose_name_plural = "政务公开栏目"

    def documents(self):
        return GovInfoPage.objects.live().public().filter(listed_now(), column=self).order_by("-publish_date", "-pk")

    def get_filters(self, query):
        """The valid filters in ``query``; unknown categories and impossible years are ignored, never an error."""
        filters = {}
        if query.get("category") in dict(CATEGORY_CHOICES):
            filters["category"] = query["category"]
        year = query.get("year", "")
        if year.isascii() and year.isdigit() and 1900 <= int(year) <= 2999:
            filters["year"] = int(year)
        return filters

    def listing_items(self, request):
        filters = self.get_filters(request.GET)
        documents = self.documents()
        if "category" in filters:
            documents = documents.filter(category=filters["category"])
        if "year" in filters:
            documents = documents.filter(publish_date__year=filters["year"])
        return documents

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = self.get_filters(request.GET)
        context["category_choices"] = CATEGORY_CHOICES
        context["years"] = [moment.year for moment in self.documents().datetimes("publish_date", "year", "DESC")]
        context["active_filters"] = filters
        context["active_category_label"] = dict(CATEGORY_CHOICES).get(filters.get("category"))
        context["query_suffix"] = f"&{urlencode(filters)}" if filters else ""
        return context


class GovInfoPage(ColumnItem):
    """A policy document with its catalogue fields shown in a table above the text."""

    index_number = models.CharField(
        "索引号",
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="首次保存时由系统自动生成，不可修改。",
    )
    issuing_body = models.CharField("发布机构", max_length=100)
    document_number = models.CharField(
        "文号",
        max_length=50,
        blank=True,
        help_text="例如：清政法〔2026〕12号。方括号 [ ] 或【】会自动改为〔〕；无文号的留空。",
    )
    written_date = models.DateField("成文日期")
    category = models.CharField("主题分类", max_length=10, choices=CATEGORY_CHOICES, default="zfzz")
    validity = models.CharField(
        "有效性",
        max_length=10,
        choices=Validity.choices,
        default=Validity.VALID,
        help_text="文件被修改或废止后请及时更新，页面和列表会醒目标注。",
    )

    content_panels = [
        *ColumnItem.content_panels[:1],
        MultiFieldPanel(
            [
                FieldPanel("index_number", read_only=True),
                FieldPanel("issuing_body"),
                FieldPanel("document_number"),
                FieldRowPanel([FieldPanel("written_date"), FieldPanel("category"), FieldPanel("validity")]),
            ],
            heading="信息公开目录",
        ),
        *ColumnItem.content_panels[1:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.SearchField("index_number"),
        index.SearchField("document_number"),
        index.SearchField("issuing_body"),
        index.FilterField("category"),
        index.FilterField("validity"),
    ]
    # A copy is a new document and gets its own number when first saved.
    exclude_fields_in_copy = ["index_number"]

    subpage_types = []
    template = "gov_info/gov_info_page.html"

    class Meta:
        db_table = "columns_govinfopage"  # the table it had in the columns app
        verbose_name = "政务公开文件"
        verbose_name_plural = "政务公开文件"

    @property
    def is_in_force(self):
        return self.validity == Validity.VALID

    def clean(self):
        super().clean()
        errors = {}
        if self.document_number:
            try:
                self.document_number = normalise_document_number(self.document_number)
            except ValidationError as error:
                errors["document_number"] = error
        if self.written_date and self.publish_date and self.written_date > timezone.localdate(self.publish_date):
            errors["written_date"] = "成文日期不能晚于发布日期，请核对两个日期。"
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.index_number:
            self.index_number = allocate_index_number(self.index_year(), self.index_prefix())
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        """Keep the allocated 索引号 whatever revision is published or restored."""
        page = super().with_content_json(content)
        page.index_number = self.index_number
        return page

    def index_year(self):
        return timezone.localdate(self.publish_date or timezone.now()).year

    def index_prefix(self):
        """The site's 网站标识码 when it has one, so numbers differ between sites; a fixed prefix otherwise."""
        parent = self.get_parent() if self.path else None
        site = parent.get_site() if parent else None
        code = SiteIdentity.for_site(site).site_code if site else ""
        return code or DEFAULT_INDEX_PREFIX
