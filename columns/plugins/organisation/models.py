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

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

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

    subpage_types = [
        "organisation.OrganisationFunctionsPage",
        "organisation.LeadershipPage",
        "organisation.DepartmentsPage",
    ]
    template = "organisation/organisation_column_page.html"

    class Meta:
        db_table = "columns_organisationcolumnpage"  # the table it had in the columns app
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
    template = "organisation/organisation_functions_page.html"

    class Meta:
        db_table = "columns_organisationfunctionspage"  # the table it had in the columns app
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
    template = "organisation/organisation_leadership_page.html"

    class Meta:
        db_table = "columns_leadershippage"  # the table it had in the columns app
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
        db_table = "columns_leader"  # the table it had in the columns app
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
    template = "organisation/organisation_departments_page.html"

    class Meta:
        db_table = "columns_departmentspage"  # the table it had in the columns app
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
        db_table = "columns_department"  # the table it had in the columns app
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
