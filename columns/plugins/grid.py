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
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from columns.demo_images import ensure_demo_image
from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column
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

    subpage_types = ["columns.StreetPage"]
    template = "columns/grid_column_page.html"

    class Meta:
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

    def seed_demo(self):
        now = timezone.now()
        for street_spec in DEMO_DIRECTORY:
            street = StreetPage.objects.child_of(self).filter(slug=street_spec["slug"]).first()
            if street is None:
                street = StreetPage(title=street_spec["title"], slug=street_spec["slug"], intro=street_spec["intro"])
                self.add_child(instance=street)
                street.save_revision().publish()
            for community_spec in street_spec["communities"]:
                community = CommunityPage.objects.child_of(street).filter(slug=community_spec["slug"]).first()
                if community is None:
                    community = CommunityPage(
                        title=community_spec["title"], slug=community_spec["slug"], intro=community_spec["intro"]
                    )
                    street.add_child(instance=community)
                    community.save_revision().publish()
                for grid_spec in community_spec["grids"]:
                    if GridPage.objects.child_of(community).filter(slug=grid_spec["slug"]).exists():
                        continue
                    grid = GridPage(
                        title=grid_spec["title"],
                        slug=grid_spec["slug"],
                        grid_number=grid_spec["number"],
                        worker_name=grid_spec["worker"],
                        worker_phone=grid_spec["phone"],
                        worker_photo=ensure_demo_image(
                            f"示范图片：网格员{grid_spec['worker']}", f"grid-{grid_spec['slug']}", 300, 400
                        ),
                        area=grid_spec["area"],
                        publish_date=now - timedelta(days=20),
                        source=street.title,
                    )
                    community.add_child(instance=grid)
                    grid.save_revision().publish()


class StreetPage(Page):
    """A street (街道) or town under the grid column; its page lists its communities and their grids."""

    intro = models.TextField("街道简介", blank=True, max_length=500, help_text="例如：辖区范围、街道办事处地址和电话。")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["columns.GridColumnPage"]
    subpage_types = ["columns.CommunityPage"]
    template = "columns/street_page.html"

    class Meta:
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


class CommunityPage(Page):
    """A community (社区) or village under a street; its page lists its grids with their workers."""

    intro = models.TextField("社区简介", blank=True, max_length=500, help_text="例如：社区服务中心地址和办公时间。")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["columns.StreetPage"]
    subpage_types = ["columns.GridPage"]
    template = "columns/community_page.html"

    class Meta:
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

    parent_page_types = ["columns.CommunityPage"]
    subpage_types = []
    base_form_class = GridPageForm
    template = "columns/grid_page.html"

    class Meta:
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


DEMO_DIRECTORY = [
    {
        "slug": "hexi",
        "title": "河西街道",
        "intro": "河西街道办事处：清江市河西路200号，服务电话0571-88000100（示例号码）。",
        "communities": [
            {
                "slug": "liuan",
                "title": "柳岸社区",
                "intro": "社区党群服务中心：柳岸小区南门，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "liuan-1",
                        "title": "柳岸社区第一网格",
                        "number": "HX-LA-01",
                        "worker": "周丽娟",
                        "phone": "13800000101",
                        "area": "柳岸小区1—12幢；滨江路88号至120号沿街商铺。",
                    },
                    {
                        "slug": "liuan-2",
                        "title": "柳岸社区第二网格",
                        "number": "HX-LA-02",
                        "worker": "王建国",
                        "phone": "0571-88000102",
                        "area": "柳岸小区13—24幢；柳岸幼儿园；滨江路122号至160号。",
                    },
                ],
            },
            {
                "slug": "qiaotou",
                "title": "桥头社区",
                "intro": "社区党群服务中心：桥头路15号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "qiaotou-1",
                        "title": "桥头社区第一网格",
                        "number": "HX-QT-01",
                        "worker": "李秀梅",
                        "phone": "13800000103",
                        "area": "桥头新村1—8幢；桥头路1号至45号；河西农贸市场。",
                    },
                    {
                        "slug": "qiaotou-2",
                        "title": "桥头社区第二网格",
                        "number": "HX-QT-02",
                        "worker": "赵志刚",
                        "phone": "0571-88000104",
                        "area": "翠湖苑全部楼栋；桥头路47号至99号；河西小学。",
                    },
                ],
            },
        ],
    },
    {
        "slug": "chengnan",
        "title": "城南街道",
        "intro": "城南街道办事处：清江市南门大街66号，服务电话0571-88000300（示例号码）。",
        "communities": [
            {
                "slug": "nanmen",
                "title": "南门社区",
                "intro": "社区党群服务中心：南门大街70号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "nanmen-1",
                        "title": "南门社区第一网格",
                        "number": "CN-NM-01",
                        "worker": "何丽华",
                        "phone": "13800000301",
                        "area": "南门小区1—9幢；南门大街1号至65号；城南农贸市场。",
                    },
                ],
            },
            {
                "slug": "wenchang",
                "title": "文昌社区",
                "intro": "社区党群服务中心：文昌路18号，工作日8:30—17:30。",
                "grids": [
                    {
                        "slug": "wenchang-1",
                        "title": "文昌社区第一网格",
                        "number": "CN-WC-01",
                        "worker": "冯国强",
                        "phone": "0571-88000302",
                        "area": "文昌花园全部楼栋；文昌路1号至99号；城南中学。",
                    },
                ],
            },
        ],
    },
    {
        "slug": "qingshi",
        "title": "青石镇",
        "intro": "青石镇人民政府：青石镇人民路1号，服务电话0571-88000200（示例号码）。",
        "communities": [
            {
                "slug": "shiqiao",
                "title": "石桥社区",
                "intro": "社区服务中心：石桥街38号，工作日8:30—17:00。",
                "grids": [
                    {
                        "slug": "shiqiao-1",
                        "title": "石桥社区第一网格",
                        "number": "QS-SQ-01",
                        "worker": "孙晓燕",
                        "phone": "13800000201",
                        "area": "石桥街1号至80号；青石镇卫生院；老街菜场。",
                    },
                    {
                        "slug": "shiqiao-2",
                        "title": "石桥社区第二网格",
                        "number": "QS-SQ-02",
                        "worker": "钱卫东",
                        "phone": "0571-88000202",
                        "area": "石桥花园1—10幢；人民路100号至180号。",
                    },
                ],
            },
            {
                "slug": "lingxia",
                "title": "岭下村",
                "intro": "村便民服务中心：岭下村文化礼堂一楼，每天8:00—17:00。",
                "grids": [
                    {
                        "slug": "lingxia-1",
                        "title": "岭下村第一网格",
                        "number": "QS-LX-01",
                        "worker": "吴海峰",
                        "phone": "13800000203",
                        "area": "岭下村上片自然村（上岭、茶园坞）；岭下茶场。",
                    },
                    {
                        "slug": "lingxia-2",
                        "title": "岭下村第二网格",
                        "number": "QS-LX-02",
                        "worker": "郑春兰",
                        "phone": "0571-88000204",
                        "area": "岭下村下片自然村（下岭、溪口）；岭下村文化礼堂；柳湾公路沿线。",
                    },
                ],
            },
        ],
    },
]
