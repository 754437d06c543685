"""法律法规库: the library page (a column under the home page) and one page per law, regulation or interpretation.

A law's text is stored as plain text, the way it was published, and split
into 编/章/节/条 with anchors when shown (``legal_services.lawtext``), so
that ``manage.py import_laws`` can load thousands of documents without an
editor structuring each one.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from columns.models import ColumnPage
from columns.registry import register_column

from ..lawtext import parse_law
from .questions import normalise_search_query

LAWS_PER_PAGE = 20


class LawValidity(models.TextChoices):
    CURRENT = "current", "现行有效"
    AMENDED = "amended", "已修改"
    REPEALED = "repealed", "已废止"


@register_column
class LawLibraryPage(ColumnPage):
    """The law library: every law under it, filtered by category, validity and title keyword."""

    column_name = "法律法规库"
    default_slug = "flfgk"
    icon = "doc-full"
    update_interval = timedelta(days=180)
    # ``manage.py import_laws`` fills the library (and creates it when missing).
    subpage_types = ["legal_services.LawPage"]
    template = "legal_services/law_library_page.html"

    class Meta:
        verbose_name = "法律法规库"
        verbose_name_plural = "法律法规库"

    def laws(self):
        """Live laws without their (long) text: listings never need it."""
        return LawPage.objects.child_of(self).live().public().defer("body")

    def categories(self):
        return list(
            LawPage.objects.child_of(self).live().exclude(category="").values_list("category", flat=True).distinct()
        )

    def listing_items(self, request):
        return self.filtered_laws(request)[0]

    def filtered_laws(self, request):
        """The laws matching ``?category=``, ``?validity=`` and ``?q=`` (title); unknown values are ignored."""
        categories = sorted(self.categories())
        category = request.GET.get("category", "")
        category = category if category in categories else ""
        validity = request.GET.get("validity", "")
        validity = validity if validity in LawValidity.values else ""
        shown_query, query = normalise_search_query(request.GET.get("q"))
        laws = self.laws()
        if category:
            laws = laws.filter(category=category)
        if validity:
            laws = laws.filter(validity=validity)
        if query:
            laws = laws.filter(title__icontains=query)
        filters = {"q": shown_query, "category": category, "validity": validity}
        return laws.order_by("-published_date", "title", "pk"), {
            "categories": categories,
            "active_category": category,
            "active_validity": validity,
            "validity_choices": LawValidity.choices,
            "search_query": shown_query,
            "filtered": bool(category or validity or query),
            "query_suffix": "&" + urlencode({key: value for key, value in filters.items() if value})
            if any(filters.values())
            else "",
        }

    def get_context(self, request, *args, **kwargs):
        context = Page.get_context(self, request, *args, **kwargs)
        laws, filters = self.filtered_laws(request)
        context.update(filters, items_page=Paginator(laws, LAWS_PER_PAGE).get_page(request.GET.get("page")))
        return context


class LawPage(Page):
    """One law, regulation, judicial interpretation or case, its full text shown by chapter and article."""

    authority = models.CharField("制定机关", max_length=100, blank=True)
    published_date = models.DateField("公布日期", null=True, blank=True, db_index=True)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    validity = models.CharField("效力", max_length=10, choices=LawValidity.choices, default=LawValidity.CURRENT)
    category = models.CharField(
        "类别", max_length=50, blank=True, db_index=True, help_text="如：宪法、行政法规、司法解释。"
    )
    body = models.TextField(
        "全文",
        help_text="每段一行。“第一章 总则”“第一条 ……”这样的行会自动成为章、条标题，并可通过链接直接定位。",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("authority"), FieldPanel("category")]),
                FieldRowPanel([FieldPanel("published_date"), FieldPanel("effective_date"), FieldPanel("validity")]),
            ],
            heading="基本信息",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("body"),
        index.SearchField("authority"),
        index.FilterField("category"),
        index.FilterField("validity"),
        index.FilterField("published_date"),
    ]

    parent_page_types = ["legal_services.LawLibraryPage"]
    subpage_types = []
    template = "legal_services/law_page.html"

    class Meta:
        verbose_name = "法律法规"
        verbose_name_plural = "法律法规"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["law_text"] = parse_law(self.body)
        return context
