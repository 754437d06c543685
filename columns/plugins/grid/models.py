"""网格服务: the street → community → grid directory, and a lookup residents use to find their grid worker.

The column holds ``StreetPage``s (街道), a street ``CommunityPage``s (社区), a
community ``GridPage``s (网格). Without a query the column page shows the
directory of streets and communities; with a GET ``q`` it answers a lookup by
street, community, grid, worker, road or building, a page of results at a time.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column, register_searchable
from portal.validators import normalize_phone, validate_phone

QUERY_MAX_LENGTH = 50
MAX_QUERY_TERMS = 5
EMPTY_QUERY_MESSAGE = "请输入街道、社区名称，或所住小区、道路名称后再查询。"
QUERY_TOO_LONG_MESSAGE = (
    f"查询内容过长，最多{QUERY_MAX_LENGTH}个字。"
    "请只输入街道、社区或小区、道路名称（可以只输入其中几个字，例如“城南”）。"
)
# Anything that is not a letter or digit separates terms: spaces, Chinese and ASCII punctuation.
TERM_SEPARATOR = re.compile(r"[\W_]+")
LANDLINE_PARTS = re.compile(r"^(0\d{2,3})-?(\d{7,8})")


def parent_path(page):
    return page.path[: -Page.steplen]


@dataclass
class Lookup:
    """What a resident typed, as the column page understands it.

    ``query`` is what the form shows again; ``error`` says why no lookup was
    made (nothing usable typed, or too much); ``terms`` are what must all match.
    """

    submitted: bool = False
    query: str = ""
    terms: list = field(default_factory=list)
    error: str = ""

    @classmethod
    def from_params(cls, params):
        if "q" not in params:
            return cls()
        query = " ".join(params.get("q", "").split())
        if len(query) > QUERY_MAX_LENGTH:
            return cls(submitted=True, query=query[:QUERY_MAX_LENGTH], error=QUERY_TOO_LONG_MESSAGE)
        terms = [term for term in TERM_SEPARATOR.split(query.casefold()) if term][:MAX_QUERY_TERMS]
        if not terms:
            return cls(submitted=True, query=query, error=EMPTY_QUERY_MESSAGE)
        return cls(submitted=True, query=query, terms=terms)

    @property
    def active(self):
        return bool(self.terms)


@dataclass
class GridEntry:
    """A grid with the street and community it belongs to, as the lookup shows it."""

    street: Page
    community: Page
    grid: "GridPage"

    def matches(self, terms):
        """Every term must appear somewhere; the names are joined so “河西街道柳岸社区” typed in one go matches."""
        haystack = "\n".join(
            [
                f"{self.street.title}{self.community.title}{self.grid.title}",
                self.grid.grid_number,
                self.grid.worker_name,
                self.grid.area,
            ]
        ).casefold()
        return all(term in haystack for term in terms)


@dataclass
class DirectoryNode:
    page: Page
    children: list = field(default_factory=list)
    grid_count: int = 0


@register_column
class GridColumnPage(ColumnPage):
    """The grid directory with its lookup form; the lookup needs no extra URL, only GET ``q`` on the column page.

    The directory stops at communities so that the page stays short in a city
    with thousands of grids; community pages list their grids and workers.
    """

    column_name = "网格服务"
    default_slug = "wgfw"
    icon = "grid"
    update_interval = timedelta(days=90)
    planned = True
    items_per_page = 15

    subpage_types = ["grid.StreetPage"]
    template = "grid/grid_column_page.html"

    class Meta:
        db_table = "columns_gridcolumnpage"  # the table it had in the columns app
        verbose_name = "网格服务栏目"
        verbose_name_plural = "网格服务栏目"

    def streets(self):
        return {page.path: page for page in StreetPage.objects.child_of(self).live().public().order_by("path")}

    def communities(self, streets):
        """Published communities under published streets, by tree path."""
        pages = CommunityPage.objects.descendant_of(self).live().public().order_by("path")
        return {page.path: page for page in pages if parent_path(page) in streets}

    def grids(self):
        return GridPage.objects.descendant_of(self).live().public()

    def grid_entries(self):
        """Every published grid under a published street and community, in tree order: three queries in all."""
        streets = self.streets()
        communities = self.communities(streets)
        entries = []
        for grid in self.grids().select_related("worker_photo").order_by("path"):
            community = communities.get(parent_path(grid))
            if community is not None:
                entries.append(GridEntry(streets[parent_path(community)], community, grid))
        return entries

    def directory(self):
        """Streets → communities with their number of grids, keeping those that have none yet."""
        streets = self.streets()
        communities = self.communities(streets)
        grid_counts = Counter(path[: -Page.steplen] for path in self.grids().values_list("path", flat=True))
        street_nodes = {path: DirectoryNode(page) for path, page in streets.items()}
        for path, page in communities.items():
            node = DirectoryNode(page, grid_count=grid_counts[path])
            street_nodes[parent_path(page)].children.append(node)
        for node in street_nodes.values():
            node.grid_count = sum(child.grid_count for child in node.children)
        return list(street_nodes.values())

    def listing_items(self, request):
        """The lookup results; the column has no dated listing, so without a query there is nothing to page."""
        lookup = Lookup.from_params(request.GET)
        if not lookup.active:
            return []
        return [entry for entry in self.grid_entries() if entry.matches(lookup.terms)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lookup = Lookup.from_params(request.GET)
        context["lookup"] = lookup
        context["query_max_length"] = QUERY_MAX_LENGTH
        context["query_suffix"] = f"&{urlencode({'q': lookup.query})}" if lookup.active else ""
        if not lookup.submitted:
            context["directory"] = self.directory()
        return context


@register_searchable
class StreetPage(Page):
    """A street (街道) or town under the grid column; its page lists its communities and their grids."""

    intro = models.TextField("街道简介", blank=True, max_length=500, help_text="例如：辖区范围、街道办事处地址和电话。")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["grid.GridColumnPage"]
    subpage_types = ["grid.CommunityPage"]
    template = "grid/street_page.html"

    class Meta:
        db_table = "columns_streetpage"  # the table it had in the columns app
        verbose_name = "街道（乡镇）"
        verbose_name_plural = "街道（乡镇）"

    def communities(self):
        return CommunityPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        by_community = {community.path: DirectoryNode(community) for community in self.communities()}
        for grid in GridPage.objects.descendant_of(self).live().public().order_by("path"):
            node = by_community.get(parent_path(grid))
            if node is not None:
                node.children.append(grid)
        context["community_nodes"] = list(by_community.values())
        return context


@register_searchable
class CommunityPage(Page):
    """A community (社区) or village under a street; its page lists its grids with their workers."""

    intro = models.TextField("社区简介", blank=True, max_length=500, help_text="例如：社区服务中心地址和办公时间。")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["grid.StreetPage"]
    subpage_types = ["grid.GridPage"]
    template = "grid/community_page.html"

    class Meta:
        db_table = "columns_communitypage"  # the table it had in the columns app
        verbose_name = "社区（村）"
        verbose_name_plural = "社区（村）"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["grids"] = GridPage.objects.child_of(self).live().public().select_related("worker_photo")
        return context


class GridPageForm(WagtailAdminPageForm):
    """The inherited title is the grid's name here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].label = "网格名称"
            self.fields["title"].help_text = "例如：柳岸社区第一网格"


class GridPage(ColumnItem):
    """A grid (网格) and its grid worker.

    A ``ColumnItem`` rather than a plain page, so that grids are found by the
    site search (a resident may search the whole site for their road), record
    their column like every item, and a change of grid worker can be dated
    (发布时间) and announced through the column's feed. The column page shows
    the directory instead of a dated list, so grids never look like news there.
    """

    grid_number = models.CharField("网格编号", max_length=30, blank=True, help_text="例如：HX-LA-01")
    worker_name = models.CharField("网格员姓名", max_length=20)
    worker_photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="网格员照片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    worker_phone = models.CharField(
        "联系电话",
        max_length=30,
        validators=[validate_phone],
        help_text="手机号或带区号的固定电话，例如：0571-88001234。页面上可直接点击拨打。",
    )
    area = models.TextField(
        "服务范围",
        max_length=500,
        help_text="写明包含的小区、楼栋和道路，例如：柳岸小区1—12幢；滨江路88号至120号。居民可用这些名称查到网格。",
    )

    content_panels = [
        *ColumnItem.content_panels[:1],
        MultiFieldPanel(
            [
                FieldPanel("grid_number"),
                FieldRowPanel([FieldPanel("worker_name"), FieldPanel("worker_phone")]),
                FieldPanel("worker_photo"),
                FieldPanel("area"),
            ],
            heading="网格与网格员",
        ),
        *ColumnItem.content_panels[1:],
    ]
    search_fields = [
        *ColumnItem.search_fields,
        index.SearchField("area"),
        index.SearchField("worker_name"),
        index.SearchField("grid_number"),
    ]

    parent_page_types = ["grid.CommunityPage"]
    subpage_types = []
    base_form_class = GridPageForm
    template = "grid/grid_page.html"

    class Meta:
        db_table = "columns_gridpage"  # the table it had in the columns app
        verbose_name = "网格"
        verbose_name_plural = "网格"

    def clean(self):
        super().clean()
        self.worker_phone = normalize_phone(self.worker_phone)

    @property
    def phone_href(self):
        """A ``tel:`` link without separators; a landline extension is left to the caller to dial."""
        landline = LANDLINE_PARTS.match(self.worker_phone)
        digits = "".join(landline.groups()) if landline else re.sub(r"\D", "", self.worker_phone)
        return f"tel:{digits}"
