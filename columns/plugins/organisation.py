"""机构概况: what the committee is, who leads it and which departments it has.

The column holds three item types, each a ``ColumnItem`` so that it carries
来源/作者/编辑/发布时间 and attachments, appears in the column listing, the
feed and the site search, and can be dated when the leadership changes:

* 机构职能 (``OrganisationFunctionsPage``): the main functions, as rich text;
* 领导信息 (``LeadershipPage``): the leaders in protocol order, each with
  photo, 职务, 分工 and an optional short CV;
* 内设机构 (``DepartmentsPage``): the internal departments with their
  functions and office telephone.

Leaders and departments are orderable inline rows of their page (one page
edits the whole team at once, in order), not pages of their own. The column
page shows the latest page of each kind and the current leadership above the
dated listing. Organisation facts change rarely: inspection expects the column
to be reviewed at least once a year.
"""

import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from columns.demo_images import ensure_demo_image
from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import register_column
from portal.validators import normalize_phone, validate_phone

# Han characters (basic block, extension A and the supplementary planes), with
# the interpunct of minority and transliterated names between parts.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
PERSON_NAME_RE = re.compile(rf"^[{HAN}]+(·[{HAN}]+)*$")
NAME_DOTS = str.maketrans({"•": "·", "・": "·", "･": "·", "‧": "·", "．": "·", ".": "·"})
PERSON_NAME_MESSAGE = "姓名应为2至20个汉字，少数民族姓名的各部分之间用间隔号“·”分隔；职务请填在“职务”一栏。"
NO_LEADERS_MESSAGE = "请至少填写一位领导的姓名、职务和分工后再发布。"
NO_DEPARTMENTS_MESSAGE = "请至少填写一个内设机构的名称和主要职责后再发布。"
NO_FUNCTIONS_MESSAGE = "请填写本机构的主要职能后再发布。"


def normalise_person_name(value):
    """Drop the spaces editors type to align two-character names, and unify the interpunct."""
    return re.sub(r"\s+", "", value or "").translate(NAME_DOTS)


def phone_href(number):
    """A ``tel:`` URI; a landline extension (0571-88001234-801) becomes ``;ext=801``."""
    parts = number.split("-")
    if len(parts) == 3 and number.startswith("0"):
        return f"tel:{parts[0]}-{parts[1]};ext={parts[2]}"
    return f"tel:{number}"


def kept_child_forms(formset):
    """The inline rows the page will keep: not deleted, and either saved before or filled in now."""
    formset.errors  # noqa: B018 - runs the formset's validation once, so cleaned_data exists
    return [
        form
        for position, form in enumerate(formset.forms)
        if not form.cleaned_data.get(DELETION_FIELD_NAME)
        and (position < formset.initial_form_count() or form.has_changed())
    ]


@register_column
class OrganisationColumnPage(ColumnPage):
    """Shows links to the latest 机构职能, 领导信息 and 内设机构, the current leaders, then the dated listing."""

    column_name = "机构概况"
    default_slug = "jggk"
    icon = "site"
    update_interval = timedelta(days=365)

    subpage_types = ["columns.OrganisationFunctionsPage", "columns.LeadershipPage", "columns.DepartmentsPage"]
    template = "columns/organisation_column_page.html"

    class Meta:
        verbose_name = "机构概况栏目"
        verbose_name_plural = "机构概况栏目"

    def listing_items(self, request):
        # Specific pages, so the listing can say which kind each item is (one query per kind).
        return super().listing_items(request).specific()

    def latest(self, model):
        return model.objects.live().public().filter(listed_now(), column=self).order_by("-publish_date", "-pk").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = [(model.kind_label, self.latest(model)) for model in ORGANISATION_ITEM_TYPES]
        context["sections"] = [(label, page) for label, page in sections if page is not None]
        leadership = dict(sections)[LeadershipPage.kind_label]
        if leadership is not None and context["items_page"].number == 1:
            context["leadership"] = leadership
            context["current_leaders"] = leadership.leaders.select_related("photo").prefetch_related(
                "photo__renditions"
            )
        return context

    def seed_demo(self):
        now = timezone.now()
        specs = [
            (OrganisationFunctionsPage, DEMO_FUNCTIONS, {}),
            (LeadershipPage, DEMO_LEADERSHIP, {"leaders": self._demo_leaders}),
            (DepartmentsPage, DEMO_DEPARTMENTS, {"departments": self._demo_departments}),
        ]
        for model, spec, relations in specs:
            if model.objects.child_of(self).filter(slug=spec["slug"]).exists():
                continue
            page = model(
                title=spec["title"],
                slug=spec["slug"],
                publish_date=now - timedelta(days=spec["days_ago"]),
                summary=spec["summary"],
                source="中共清江市委政法委员会",
                editor="办公室",
                body=[("paragraph", f"<p>{paragraph}</p>") for paragraph in spec["paragraphs"]],
                **{name: build() for name, build in relations.items()},
            )
            self.add_child(instance=page)
            page.save_revision().publish()

    @staticmethod
    def _demo_leaders():
        return [
            Leader(
                name=spec["name"],
                title=spec["title"],
                duties=spec["duties"],
                cv=spec["cv"],
                photo=ensure_demo_image(f"示范图片：{spec['title']}{spec['name']}", f"leader-{spec['slug']}", 360, 480),
            )
            for spec in DEMO_LEADERS
        ]

    @staticmethod
    def _demo_departments():
        return [Department(**spec) for spec in DEMO_DEPARTMENT_ROWS]


class OrganisationFunctionsForm(WagtailAdminPageForm):
    """The body holds the functions here, and a functions page without them must not go live."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self.fields["body"].label = "主要职能"

    def clean(self):
        cleaned_data = super().clean()
        if not self.is_deferred_validation and "body" in self.fields and not cleaned_data.get("body"):
            # A non-field error: the block editor would only show a field error through its own JS data.
            self.add_error(None, NO_FUNCTIONS_MESSAGE)
        return cleaned_data


class LeadershipForm(WagtailAdminPageForm):
    """A leadership page goes live only with at least one leader (drafts may be empty)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self.fields["body"].label = "说明"
            self.fields["body"].help_text = "可选，显示在领导名单之前，例如分工调整的说明。"

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("leaders")
        if formset is not None and not self.is_deferred_validation and not kept_child_forms(formset):
            self.add_error(None, NO_LEADERS_MESSAGE)
        return cleaned_data


class DepartmentsForm(WagtailAdminPageForm):
    """Departments are listed once each; a departments page goes live only with at least one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "body" in self.fields:
            self.fields["body"].label = "说明"
            self.fields["body"].help_text = "可选，显示在内设机构列表之前。"

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("departments")
        if formset is None:
            return cleaned_data
        forms = kept_child_forms(formset)
        seen = set()
        for form in forms:
            name = (form.cleaned_data.get("name") or "").strip()
            if name and name in seen:
                form.add_error("name", f"内设机构“{name}”重复列出，请删除重复的一项。")
            seen.add(name)
        if not self.is_deferred_validation and not forms:
            self.add_error(None, NO_DEPARTMENTS_MESSAGE)
        return cleaned_data


class OrganisationFunctionsPage(ColumnItem):
    """机构职能: the committee's main functions, as the body."""

    kind_label = "机构职能"

    subpage_types = []
    base_form_class = OrganisationFunctionsForm
    template = "columns/organisation_functions_page.html"

    class Meta:
        verbose_name = "机构职能"
        verbose_name_plural = "机构职能"


class LeadershipPage(ColumnItem):
    """领导信息: the leaders in protocol order, each with photo, 职务, 分工 and a short CV."""

    kind_label = "领导信息"

    content_panels = [
        *ColumnItem.content_panels[:4],
        InlinePanel("leaders", label="领导", heading="领导名单（按排序先后显示）"),
        *ColumnItem.content_panels[4:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.RelatedFields(
            "leaders", [index.SearchField("name"), index.SearchField("title"), index.SearchField("duties")]
        ),
    ]

    subpage_types = []
    base_form_class = LeadershipForm
    template = "columns/organisation_leadership_page.html"

    class Meta:
        verbose_name = "领导信息"
        verbose_name_plural = "领导信息"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leaders"] = self.leaders.select_related("photo").prefetch_related("photo__renditions")
        return context


class Leader(Orderable):
    """One leader on a leadership page."""

    page = ParentalKey(LeadershipPage, on_delete=models.CASCADE, related_name="leaders")
    name = models.CharField("姓名", max_length=20)
    title = models.CharField("职务", max_length=100, help_text="例如：市委政法委常务副书记")
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="照片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="建议使用3:4的标准工作照。替代文字自动使用姓名和职务。",
    )
    duties = models.TextField("工作分工", max_length=500, help_text="例如：负责执法监督、维稳指导工作。可分行填写。")
    cv = models.TextField("简历", max_length=1000, blank=True, help_text="可选，简要填写出生年月、学历和主要工作经历。")

    panels = [
        FieldRowPanel([FieldPanel("name", required_on_save=True), FieldPanel("title")]),
        FieldPanel("photo"),
        FieldPanel("duties"),
        FieldPanel("cv"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "领导"
        verbose_name_plural = "领导"

    def __str__(self):
        return f"{self.name}（{self.title}）" if self.title else self.name

    @property
    def photo_alt(self):
        return str(self)

    def clean(self):
        super().clean()
        if self.name:
            self.name = normalise_person_name(self.name)
            if not (2 <= len(self.name) <= 20 and PERSON_NAME_RE.match(self.name)):
                raise ValidationError({"name": PERSON_NAME_MESSAGE})


class DepartmentsPage(ColumnItem):
    """内设机构: the internal departments in order, with their functions and office telephone."""

    kind_label = "内设机构"

    content_panels = [
        *ColumnItem.content_panels[:4],
        InlinePanel("departments", label="内设机构", heading="内设机构（按排序先后显示）"),
        *ColumnItem.content_panels[4:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.RelatedFields("departments", [index.SearchField("name"), index.SearchField("functions")]),
    ]

    subpage_types = []
    base_form_class = DepartmentsForm
    template = "columns/organisation_departments_page.html"

    class Meta:
        verbose_name = "内设机构"
        verbose_name_plural = "内设机构"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["departments"] = self.departments.all()
        return context


class Department(Orderable):
    """One internal department (科室) on a departments page."""

    page = ParentalKey(DepartmentsPage, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField("机构名称", max_length=50, help_text="例如：执法监督科")
    functions = models.TextField("主要职责", max_length=1000, help_text="可分行填写。")
    phone = models.CharField(
        "联系电话",
        max_length=30,
        blank=True,
        validators=[validate_phone],
        help_text="可选。手机号或带区号的固定电话，例如：0571-88001234，分机写在最后：0571-88001234-801。",
    )

    panels = [
        FieldRowPanel([FieldPanel("name", required_on_save=True), FieldPanel("phone")]),
        FieldPanel("functions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "内设机构"
        verbose_name_plural = "内设机构"

    def __str__(self):
        return self.name

    @property
    def phone_href(self):
        return phone_href(self.phone)

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip()
        self.phone = normalize_phone(self.phone)


ORGANISATION_ITEM_TYPES = [OrganisationFunctionsPage, LeadershipPage, DepartmentsPage]


DEMO_FUNCTIONS = {
    "slug": "jgzn",
    "title": "机构职能",
    "days_ago": 200,
    "summary": "中共清江市委政法委员会是市委领导和管理全市政法工作的职能部门，现将主要职能公布如下。",
    "paragraphs": [
        "中共清江市委政法委员会是市委领导和管理全市政法工作的职能部门，是实现党对政法工作领导的重要组织形式。主要职能是：",
        "（一）贯彻落实党中央和省委、市委关于政法工作的方针政策和决策部署，统筹政法工作中事关全局的重大问题，"
        "研究提出全市政法工作的指导意见。",
        "（二）协调推动政法各单位依法履行职责，统筹协调社会稳定、平安建设、市域社会治理等工作，"
        "推动完善矛盾纠纷多元预防调处化解综合机制。",
        "（三）组织推动政法领域全面深化改革，督促、检查、推动政法各单位执法司法工作，开展执法监督，维护社会公平正义。",
        "（四）指导推动政法队伍建设，协助市委及其组织部门考察、管理政法单位领导干部，推动全面从严管党治警。",
        "（五）指导各县（区）委政法委开展工作，完成市委交办的其他任务。",
    ],
}

DEMO_LEADERSHIP = {
    "slug": "ldxx",
    "title": "领导信息",
    "days_ago": 60,
    "summary": "市委政法委领导班子成员及工作分工。",
    "paragraphs": ["根据工作需要，现将市委政法委领导班子成员及分工公布如下。"],
}

DEMO_LEADERS = [
    {
        "slug": "shuji",
        "name": "江远明",
        "title": "市委常委、政法委书记",
        "duties": "主持市委政法委全面工作。",
        "cv": "男，汉族，研究生学历，法学硕士。历任清江市河西区委副书记、区长，清江市司法局局长等职。",
    },
    {
        "slug": "changwu",
        "name": "沈立清",
        "title": "市委政法委常务副书记",
        "duties": "协助书记负责市委政法委日常工作，分管办公室、政治部（队伍建设指导室），"
        "联系市中级人民法院、市人民检察院。",
        "cv": "女，汉族，大学学历，法律硕士。历任清江市人民检察院检察委员会专职委员、市委政法委执法监督科科长等职。",
    },
    {
        "slug": "fushuji-1",
        "name": "韩以宁",
        "title": "市委政法委副书记",
        "duties": "负责平安建设、市域社会治理和网格化服务管理工作，"
        "分管平安建设协调科、网格化服务管理科，联系市公安局。",
        "cv": "男，汉族，大学学历。历任青石镇党委书记，清江市公安局副局长等职。",
    },
    {
        "slug": "fushuji-2",
        "name": "方慧敏",
        "title": "市委政法委副书记",
        "duties": "负责执法监督、维护稳定和矛盾纠纷多元化解工作，分管执法监督科、维稳指导科，联系市司法局。",
        "cv": "女，汉族，研究生学历，法学硕士。历任清江市中级人民法院审判委员会委员、民一庭庭长等职。",
    },
    {
        "slug": "weiyuan",
        "name": "许嘉言",
        "title": "市委政法委委员、政治部主任",
        "duties": "负责政法队伍建设、政法宣传和机关党建工作，分管机关党委。",
        "cv": "男，汉族，大学学历。历任清江市委组织部干部一科科长，柳湾乡党委书记等职。",
    },
]

DEMO_DEPARTMENTS = {
    "slug": "nsjg",
    "title": "内设机构",
    "days_ago": 60,
    "summary": "市委政法委内设机构及其主要职责、联系电话。",
    "paragraphs": ["市委政法委设以下内设机构，群众来访请先电话联系。"],
}

DEMO_DEPARTMENT_ROWS = [
    {
        "name": "办公室",
        "functions": "负责机关日常运转，承担文电、会务、机要、保密、档案、信息、政务公开和财务等工作。",
        "phone": "0571-86120100",
    },
    {
        "name": "政治部（队伍建设指导室）",
        "functions": "指导全市政法队伍思想政治建设、领导班子建设和干部教育培训，承担机关人事和政法宣传工作。",
        "phone": "0571-86120110",
    },
    {
        "name": "执法监督科",
        "functions": "督促、检查政法各单位执法司法工作，协调处理重大涉法涉诉信访事项，组织开展执法司法案件评查。",
        "phone": "0571-86120120",
    },
    {
        "name": "维稳指导科",
        "functions": "研究分析社会稳定形势，指导协调防范化解影响社会稳定的风险隐患，推动重大决策社会稳定风险评估。",
        "phone": "0571-86120130",
    },
    {
        "name": "平安建设协调科",
        "functions": "统筹推进平安清江建设，承担平安建设考核、社会治安重点地区排查整治和矛盾纠纷多元化解的协调工作。",
        "phone": "0571-86120140",
    },
    {
        "name": "网格化服务管理科",
        "functions": "指导全市网格划分和专职网格员队伍建设，推动网格事件闭环处置，承担综治中心规范化建设的指导工作。",
        "phone": "0571-86120150",
    },
]
