"""What the committee assesses reporting units by: quotas, score weights, adoptions by higher platforms,
unit lineage (merges, start of assessment), the authors of items, and the snapshots of issued 通报."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from review.models import ReportedItem, ReportingUnit

#: Categories that are assessed: all of them, the committee's own offices (政法委内设股室) included
#: ("政法委内部全员办信息，每职能股室均要撰写信息").
ASSESSED_CATEGORIES = list(ReportingUnit.CATEGORY_CHOICES)

PERIOD_MONTH = "month"
PERIOD_WEEK = "week"
PERIOD_CHOICES = [(PERIOD_MONTH, "每月"), (PERIOD_WEEK, "每周")]

LEVEL_CITY = "city"
LEVEL_PROVINCE = "province"
LEVEL_NATIONAL = "national"
LEVEL_CHOICES = [(LEVEL_CITY, "市级"), (LEVEL_PROVINCE, "省级"), (LEVEL_NATIONAL, "国家级")]

QUOTA_MIN_MESSAGE = "报送任务数至少为1条，不能为0或负数。"
WEIGHT_MIN_MESSAGE = "分值权重不能为负数。"


class QuotaRule(models.Model):
    """The minimum number of items a category of units must submit per month or per week."""

    category = models.CharField("单位类别", max_length=20, choices=ASSESSED_CATEGORIES, unique=True)
    period = models.CharField("考核周期", max_length=10, choices=PERIOD_CHOICES, default=PERIOD_MONTH)
    minimum = models.IntegerField(
        "最低报送条数",
        validators=[MinValueValidator(1, message=QUOTA_MIN_MESSAGE)],
        help_text="每个考核周期至少报送的条数。",
    )

    panels = [FieldPanel("category"), FieldPanel("period"), FieldPanel("minimum")]

    class Meta:
        verbose_name = "报送任务"
        verbose_name_plural = "报送任务"
        ordering = ["category"]

    def __str__(self):
        return f"{self.get_category_display()}：{self.get_period_display()}至少{self.minimum}条"


def weight_field(label, default):
    return models.DecimalField(
        label,
        max_digits=6,
        decimal_places=2,
        default=Decimal(default),
        validators=[MinValueValidator(Decimal(0), message=WEIGHT_MIN_MESSAGE)],
    )


@register_setting(icon="table")
class ScoreWeights(BaseGenericSetting):
    """How many points one item earns, and how many units are commended."""

    submitted = weight_field("报送每条得分", "1")
    adopted = weight_field("本网站采用每条得分", "5")
    adopted_city = weight_field("市级平台采用每条得分", "10")
    adopted_province = weight_field("省级平台采用每条得分", "20")
    adopted_national = weight_field("国家级平台采用每条得分", "30")
    commend_top = models.PositiveSmallIntegerField(
        "表扬名次",
        default=1,
        validators=[MinValueValidator(1, message="表扬名次至少为1。")],
        help_text="各类别排名在此名次以内、得分大于0且未“未完成”任务的单位列入表扬名单。",
    )
    interview_min_units = models.PositiveSmallIntegerField(
        "末位约谈最少单位数",
        default=3,
        validators=[MinValueValidator(2, message="末位约谈最少单位数至少为2。")],
        help_text="类别内参加排名的单位少于此数时，末位单位只有在未完成任务时才计为末位（列入约谈）。",
    )

    panels = [
        FieldPanel("submitted"),
        FieldPanel("adopted"),
        FieldPanel("adopted_city"),
        FieldPanel("adopted_province"),
        FieldPanel("adopted_national"),
        FieldPanel("commend_top"),
        FieldPanel("interview_min_units"),
    ]

    class Meta:
        verbose_name = "考核分值"

    def level_weight(self, level):
        return getattr(self, f"adopted_{level}")


class RuleVersion(ClusterableModel):
    """A change of the scoring rules from a chosen month on: weights, commendation and 约谈 settings, and the
    quotas of the categories it names (other categories keep their earlier quota). Periods that start before
    ``effective_from`` keep the earlier rules (``ScoreWeights`` and ``QuotaRule`` before the first version);
    issued 通报 are frozen snapshots and never change."""

    effective_from = models.DateField(
        "起用日期",
        unique=True,
        help_text="填写某月1日：从该月（及从该日起的各周）起按本版规则计算，之前各期仍按原规则。",
    )
    note = models.CharField("调整说明", max_length=200, blank=True)
    submitted = weight_field("报送每条得分", "1")
    adopted = weight_field("本网站采用每条得分", "5")
    adopted_city = weight_field("市级平台采用每条得分", "10")
    adopted_province = weight_field("省级平台采用每条得分", "20")
    adopted_national = weight_field("国家级平台采用每条得分", "30")
    commend_top = models.PositiveSmallIntegerField(
        "表扬名次", default=1, validators=[MinValueValidator(1, message="表扬名次至少为1。")]
    )
    interview_min_units = models.PositiveSmallIntegerField(
        "末位约谈最少单位数", default=3, validators=[MinValueValidator(2, message="末位约谈最少单位数至少为2。")]
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="创建人", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        MultiFieldPanel([FieldPanel("effective_from"), FieldPanel("note")], heading="起用"),
        MultiFieldPanel(
            [
                FieldPanel("submitted"),
                FieldPanel("adopted"),
                FieldPanel("adopted_city"),
                FieldPanel("adopted_province"),
                FieldPanel("adopted_national"),
                FieldPanel("commend_top"),
                FieldPanel("interview_min_units"),
            ],
            heading="分值和名单",
        ),
        InlinePanel("quotas", heading="报送任务（未列出的类别沿用原任务）", label="任务"),
    ]

    class Meta:
        verbose_name = "考核规则调整"
        verbose_name_plural = "考核规则调整"
        ordering = ["-effective_from"]

    def __str__(self):
        return f"{self.effective_from:%Y年%m月}起" + (f"：{self.note}" if self.note else "")

    def clean(self):
        super().clean()
        if self.effective_from and self.effective_from.day != 1:
            raise ValidationError({"effective_from": "起用日期须为某月1日。"})

    def level_weight(self, level):
        return getattr(self, f"adopted_{level}")


class RuleVersionQuota(models.Model):
    """One category's quota in a rule version."""

    version = ParentalKey(RuleVersion, on_delete=models.CASCADE, related_name="quotas")
    category = models.CharField("单位类别", max_length=20, choices=ASSESSED_CATEGORIES)
    period = models.CharField("考核周期", max_length=10, choices=PERIOD_CHOICES, default=PERIOD_MONTH)
    minimum = models.IntegerField("最低报送条数", validators=[MinValueValidator(1, message=QUOTA_MIN_MESSAGE)])

    panels = [FieldPanel("category"), FieldPanel("period"), FieldPanel("minimum")]

    class Meta:
        verbose_name = "规则调整任务"
        verbose_name_plural = "规则调整任务"
        constraints = [models.UniqueConstraint(fields=["version", "category"], name="assessment_version_quota_unique")]

    def __str__(self):
        return f"{self.get_category_display()}：{self.get_period_display()}至少{self.minimum}条"


class HigherAdoption(models.Model):
    """An item of a unit adopted by a higher platform, recorded by the committee's staff."""

    unit = models.ForeignKey(
        ReportingUnit, verbose_name="报送单位", on_delete=models.PROTECT, related_name="higher_adoptions"
    )
    platform = models.CharField("采用平台", max_length=100)
    level = models.CharField("平台级别", max_length=20, choices=LEVEL_CHOICES)
    title = models.CharField("信息标题", max_length=200)
    link = models.URLField("链接", blank=True)
    date = models.DateField("采用日期")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="对应本网站信息",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="选择后，本次采用也计入该信息的信息员和撰稿人的个人排名。",
    )

    panels = [
        FieldPanel("unit"),
        FieldPanel("platform"),
        FieldPanel("level"),
        FieldPanel("title"),
        FieldPanel("link"),
        FieldPanel("date"),
        FieldPanel("page"),
    ]

    class Meta:
        verbose_name = "上级采用"
        verbose_name_plural = "上级采用"
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.title}（{self.platform}，{self.get_level_display()}）"


class UnitLineage(models.Model):
    """A unit merged into another: from ``merged_on`` its items count for the new unit."""

    old_unit = models.OneToOneField(
        ReportingUnit, verbose_name="被合并单位", on_delete=models.CASCADE, related_name="merged_into"
    )
    new_unit = models.ForeignKey(
        ReportingUnit, verbose_name="并入单位", on_delete=models.CASCADE, related_name="merged_from"
    )
    merged_on = models.DateField("合并日期")

    panels = [FieldPanel("old_unit"), FieldPanel("new_unit"), FieldPanel("merged_on")]

    class Meta:
        verbose_name = "单位合并"
        verbose_name_plural = "单位合并"

    def __str__(self):
        return f"{self.old_unit} → {self.new_unit}（{self.merged_on}）"

    def clean(self):
        if self.old_unit_id and self.old_unit_id == self.new_unit_id:
            raise ValidationError({"new_unit": "不能并入本单位。"})


class UnitAssessmentStart(models.Model):
    """The day a unit was set up: it is not listed in periods that ended before. From which period it is
    assessed is the unit's own 考核起始 (``ReportingUnit.assessed_from``)."""

    unit = models.OneToOneField(
        ReportingUnit, verbose_name="报送单位", on_delete=models.CASCADE, related_name="assessment_start"
    )
    since = models.DateField("设立日期")

    panels = [FieldPanel("unit"), FieldPanel("since")]

    class Meta:
        verbose_name = "单位设立日期"
        verbose_name_plural = "单位设立日期"

    def __str__(self):
        return f"{self.unit}（{self.since}设立）"


class Author(models.Model):
    """A person who writes items (撰稿人), with the cadre rank the committee's rule names:
    "科级干部带头写，股室长示范写"."""

    RANK_SECTION = "section"
    RANK_OFFICE_HEAD = "office_head"
    RANK_STAFF = "staff"
    RANK_OTHER = "other"
    RANK_CHOICES = [
        (RANK_SECTION, "科级干部"),
        (RANK_OFFICE_HEAD, "股室长"),
        (RANK_STAFF, "一般干部"),
        (RANK_OTHER, "其他"),
    ]

    name = models.CharField("姓名", max_length=50)
    unit = models.ForeignKey(ReportingUnit, verbose_name="所在单位", on_delete=models.PROTECT, related_name="authors")
    rank = models.CharField("职级", max_length=20, choices=RANK_CHOICES, default=RANK_STAFF)
    position = models.CharField("职务", max_length=50, blank=True, help_text="例如：副书记、综治股股长。")

    panels = [FieldPanel("name"), FieldPanel("unit"), FieldPanel("rank"), FieldPanel("position")]

    class Meta:
        verbose_name = "撰稿人"
        verbose_name_plural = "撰稿人"
        ordering = ["unit__sort_order", "unit__name", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="assessment_author_unique_name")]

    def __str__(self):
        return f"{self.label}，{self.unit.name}"

    @property
    def label(self):
        """“姓名（职级·职务）”, as the rankings show it."""
        detail = "·".join(part for part in (self.get_rank_display(), self.position) if part)
        return f"{self.name}（{detail}）"


class Authorship(models.Model):
    """One author of one reported item; an item may have several."""

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="信息", on_delete=models.CASCADE, related_name="assessment_authorships"
    )
    author = models.ForeignKey(Author, verbose_name="撰稿人", on_delete=models.PROTECT, related_name="authorships")

    panels = [FieldPanel("page"), FieldPanel("author")]

    class Meta:
        verbose_name = "撰稿登记"
        verbose_name_plural = "撰稿登记"
        ordering = ["-pk"]
        constraints = [models.UniqueConstraint(fields=["page", "author"], name="assessment_authorship_unique")]

    def __str__(self):
        return f"{self.page.title}：{self.author.name}"

    def clean(self):
        if self.page_id and not ReportedItem.objects.filter(page_id=self.page_id).exists():
            raise ValidationError({"page": "这条信息不是报送单位报送的信息，不能登记撰稿人。"})

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            raise ValidationError("该撰稿人已登记为这条信息的撰稿人。") from error


class IssuedReport(models.Model):
    """A frozen 通报: the report as it was when the notice draft was made."""

    period_kind = models.CharField("考核周期", max_length=10, choices=PERIOD_CHOICES)
    period_key = models.CharField("期次", max_length=20)
    title = models.CharField("标题", max_length=200)
    data = models.JSONField("通报数据")
    notice = models.ForeignKey(
        "wagtailcore.Page", verbose_name="通知公告", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="生成人", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "考核通报"
        verbose_name_plural = "考核通报"
        ordering = ["-created_at"]
        permissions = [("view_report", "可以查看考核通报")]

    def __str__(self):
        return self.title


from .models_tongbao import InterviewFollowUp, Tongbao, TongbaoSettings  # noqa: E402, F401  (the 通报 and 约谈 follow-up)
