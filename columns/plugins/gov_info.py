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

    subpage_types = ["columns.GovInfoPage"]
    template = "columns/gov_info_column_page.html"

    class Meta:
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

    def seed_demo(self):
        now = timezone.now()
        for spec in DEMO_DOCUMENTS:
            if GovInfoPage.objects.child_of(self).filter(slug=spec["slug"]).exists():
                continue
            published = now - timedelta(days=spec["days_ago"])
            item = GovInfoPage(
                title=spec["title"],
                slug=spec["slug"],
                publish_date=published,
                written_date=timezone.localdate(published) - timedelta(days=spec["written_days_before"]),
                issuing_body=spec["issuing_body"],
                document_number=spec["document_number"].format(year=timezone.localdate(published).year),
                category=spec["category"],
                validity=spec["validity"],
                summary=spec["summary"],
                source=spec["issuing_body"],
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
            )
            self.add_child(instance=item)
            item.save_revision().publish()


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
    template = "columns/gov_info_page.html"

    class Meta:
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
        from portal.models import SiteIdentity

        parent = self.get_parent() if self.path else None
        site = parent.get_site() if parent else None
        code = SiteIdentity.for_site(site).site_code if site else ""
        return code or DEFAULT_INDEX_PREFIX


DEMO_DOCUMENTS = [
    {
        "slug": "zwgk-grid-governance-measures",
        "title": "清江市网格化服务管理工作实施办法",
        "days_ago": 12,
        "written_days_before": 5,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "清政法〔{year}〕12号",
        "category": "zfzz",
        "validity": Validity.VALID,
        "summary": "明确全市城乡社区网格划分标准、专职网格员配备和事件流转处置要求，推动基层治理精细化。",
        "paragraphs": [
            "各县（区）委政法委，市直有关单位：",
            "为深入推进市域社会治理现代化，进一步规范全市网格化服务管理工作，"
            "结合我市实际，制定本办法。请结合实际认真贯彻执行。",
            "第一条  城市社区原则上按照300户至500户、农村按照自然村或村民小组划分基础网格，"
            "青石镇、柳湾乡等山区乡镇可适当调整。",
            "第二条  每个基础网格配备1名专职网格员，负责信息采集、隐患排查、矛盾调处和政策宣传，"
            "河西街道等人口密集区域可增配兼职网格员。",
            "第三条  网格事件实行“发现、上报、分派、处置、反馈、评价”闭环管理，一般事件3个工作日内办结。",
        ],
    },
    {
        "slug": "zwgk-mediation-subsidy",
        "title": "关于调整人民调解员案件补贴标准的通知",
        "days_ago": 40,
        "written_days_before": 3,
        "issuing_body": "清江市司法局",
        "document_number": "清司发〔{year}〕5号",
        "category": "gaaqsf",
        "validity": Validity.AMENDED,
        "summary": "调整人民调解员个案补贴标准，重大疑难纠纷补贴相应提高。本通知第三条已由后续文件修改。",
        "paragraphs": [
            "各县（区）司法局，各人民调解委员会：",
            "为进一步调动人民调解员工作积极性，经研究，决定调整全市人民调解员案件补贴标准，现将有关事项通知如下。",
            "一、简易纠纷每件补贴标准调整为100元，一般纠纷调整为300元，重大疑难复杂纠纷经评审后最高不超过2000元。",
            "二、补贴经费由各县（区）财政纳入年度预算，按季度核发。",
        ],
    },
    {
        "slug": "zwgk-budget-disclosure",
        "title": "中共清江市委政法委员会部门预算公开说明",
        "days_ago": 75,
        "written_days_before": 2,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "",
        "category": "czyjs",
        "validity": Validity.VALID,
        "summary": "公开本部门年度收支预算总体情况、“三公”经费预算和政府采购预算等信息。",
        "paragraphs": [
            "根据预算公开有关规定，现将中共清江市委政法委员会本年度部门预算公开如下。",
            "本年度收入预算、支出预算均按照“量入为出、收支平衡”的原则编制，"
            "基本支出保障机构正常运转，项目支出重点用于平安建设、矛盾纠纷多元化解和政法队伍教育培训。",
            "“三公”经费预算较上年有所下降，其中因公出国（境）费为零。",
        ],
    },
    {
        "slug": "zwgk-old-petition-rules",
        "title": "清江市涉法涉诉信访事项办理暂行规定",
        "days_ago": 120,
        "written_days_before": 10,
        "issuing_body": "中共清江市委政法委员会",
        "document_number": "清政法〔{year}〕3号",
        "category": "zfzz",
        "validity": Validity.REPEALED,
        "summary": "规范涉法涉诉信访事项的受理、办理和终结程序。本规定已废止，仅供查阅。",
        "paragraphs": [
            "第一条  为依法处理涉法涉诉信访事项，保障信访人合法权益，维护司法权威，制定本规定。",
            "第二条  涉法涉诉信访事项由有管辖权的政法机关依法处理，实行诉访分离、依法终结。",
        ],
    },
]
