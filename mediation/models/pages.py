"""The 综治调解 column: the directory of organisations, the guides, and routes to request mediation and query it."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

from ..forms import MediationGuideForm
from ..views import MediationApplyDoneView, MediationApplyView, MediationQueryView
from .requests import MediationOrganisation, directory_areas


@register_column
class MediationColumnPage(RoutablePageMixin, ColumnPage):
    column_name = "综治调解"
    default_slug = "zztj"
    icon = "group"
    update_interval = timedelta(days=90)
    planned = True

    subpage_types = ["mediation.MediationGuidePage"]
    template = "mediation/mediation_column_page.html"

    class Meta:
        db_table = "columns_mediationcolumnpage"
        verbose_name = "综治调解栏目"
        verbose_name_plural = "综治调解栏目"

    @path("")
    def index_route(self, request, *args, **kwargs):
        areas = directory_areas()
        selected = request.GET.get("area", "")
        organisations = MediationOrganisation.objects.order_by("area", "kind", "name")
        if selected in areas:
            organisations = organisations.filter(area=selected)
        else:
            selected = ""
        return self.render(
            request, context_overrides={"areas": areas, "selected_area": selected, "organisations": organisations}
        )

    @path("apply/", name="apply")
    def apply(self, request):
        return MediationApplyView.as_view(page=self)(request)

    @path("apply/done/", name="apply_done")
    def apply_done(self, request):
        return MediationApplyDoneView.as_view(page=self)(request)

    @path("query/", name="query")
    def query(self, request):
        return MediationQueryView.as_view(page=self)(request)


class MediationGuidePage(ColumnItem):
    """A guide to mediation: the steps, the (absence of) cost and what to bring, in that order on the page."""

    procedure = RichTextField(
        "调解流程", features=["bold", "ol", "ul", "link"], help_text="申请、受理、调解、达成协议的步骤。"
    )
    fees = models.CharField(
        "收费标准",
        max_length=200,
        default="免费。人民调解委员会调解民间纠纷，不收取任何费用。",
        help_text="人民调解不收费；行业性专业性调解如有不同规定，请写明。",
    )
    materials = models.TextField("需携带材料", help_text="每行一项，例如：申请人身份证原件及复印件。")

    content_panels = [
        *ColumnItem.content_panels[:3],
        FieldPanel("procedure"),
        FieldPanel("fees"),
        FieldPanel("materials"),
        *ColumnItem.content_panels[3:],
    ]
    search_fields = [*ColumnItem.search_fields, index.SearchField("procedure"), index.SearchField("materials")]

    base_form_class = MediationGuideForm
    subpage_types = []
    template = "mediation/mediation_guide_page.html"

    class Meta:
        db_table = "columns_mediationguidepage"
        verbose_name = "调解指南"
        verbose_name_plural = "调解指南"

    def clean(self):
        super().clean()
        if self.procedure and not strip_tags(self.procedure).strip():
            # An emptied rich text editor still submits an empty paragraph.
            raise ValidationError({"procedure": "请填写调解流程。"})
        if self.materials and not self.material_list:
            raise ValidationError({"materials": "请填写需携带的材料，每行一项。"})

    @property
    def apply_url(self):
        """The request form of the column holding this guide, the natural next step after reading it."""
        column = self.column.specific if self.column_id else None
        return column.url + column.reverse_subpage("apply") if isinstance(column, MediationColumnPage) else ""

    @property
    def material_list(self):
        return [line.strip(" \t-•·、") for line in self.materials.splitlines() if line.strip(" \t-•·、")]
