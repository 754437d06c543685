"""The home page: banner slides, the columns it shows and the notice list; the simple information pages
(联系我们, 网站声明, 隐私政策) and the 页头页脚 setting that links them with the 友情链接.

The tables keep their ``portal_*`` names from before the home page had an app of its own.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import get_column_types

MAX_BANNER_SLIDES = 5
OTHER_COLUMN_COUNT = 5  # items shown for a column that has content but no slot of its own
PICTURE_SCAN = 40  # newest items looked at for the picture-news block


class HomePage(Page):
    """The front page: banner, latest items per chosen column, notices and service entries."""

    notice_column = models.ForeignKey(
        ColumnPage,
        verbose_name="通知公告栏目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notice_count = models.PositiveSmallIntegerField(
        "通知公告条数", default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    content_panels = [
        *Page.content_panels,
        InlinePanel("banner_slides", heading="首页横幅", label="横幅", max_num=MAX_BANNER_SLIDES),
        InlinePanel("column_slots", heading="首页栏目", label="栏目"),
        MultiFieldPanel(
            [PageChooserPanel("notice_column", page_type="notices.NoticeColumnPage"), FieldPanel("notice_count")],
            heading="通知公告",
        ),
        MultiFieldPanel(
            [FieldPanel("show_other_columns"), FieldPanel("picture_count"), FieldPanel("topic_banner_count")],
            heading="首页布局",
        ),
    ]

    show_other_columns = models.BooleanField(
        "显示其他有内容的栏目",
        default=True,
        help_text="在上面选定的栏目之后，按导航顺序显示其余有信息的栏目（每栏5条）。",
    )
    picture_count = models.PositiveSmallIntegerField(
        "图片新闻条数", default=4, validators=[MaxValueValidator(8)], help_text="带题图的最新信息；填0不显示。"
    )
    topic_banner_count = models.PositiveSmallIntegerField(
        "专题横幅个数", default=3, validators=[MaxValueValidator(6)], help_text="带专题横幅的专题；填0不显示。"
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        db_table = "portal_homepage"
        verbose_name = "首页"
        verbose_name_plural = "首页"

    @classmethod
    def clean_subpage_models(cls):
        """Every registered column type may be created under the home page, and the information pages."""
        return [*get_column_types(), InfoPage]

    def clean(self):
        super().clean()
        slides = [slide for slide in self.banner_slides.all() if not getattr(slide, "DELETE", False)]
        if len(slides) > MAX_BANNER_SLIDES:
            raise ValidationError(f"首页横幅最多 {MAX_BANNER_SLIDES} 张。")

    def latest_items(self, column_counts):
        """The newest live items of each column, ``{column_id: [item, …]}``, in one query.

        Each column contributes a ``LIMIT count`` subquery that walks the (column, -publish_date)
        index from its newest end, so the cost stays the same however many items a column holds
        (a window over all of a column's items grew with them); the number of queries stays the
        same however many columns there are.
        """
        if not column_counts:
            return {}
        newest = ColumnItem.objects.live().public().filter(listed_now()).order_by("-publish_date", "-pk")
        chosen = Q()
        for column_id, count in column_counts.items():
            chosen |= Q(pk__in=newest.filter(column_id=column_id).values("pk")[:count])
        latest = (
            ColumnItem.objects.filter(chosen)
            .only("id", "title", "url_path", "publish_date", "column_id", "locale_id", "path", "depth")
            .order_by("-publish_date", "-pk")
        )
        grouped = {column_id: [] for column_id in column_counts}
        for item in latest:
            grouped[item.column_id].append(item)
        return grouped

    def other_columns(self, chosen_ids):
        """The live public columns in the menu (tree order) that have listed items and no slot of their own."""
        if not self.show_other_columns:
            return []
        with_items = ColumnItem.objects.live().public().filter(listed_now()).values("column_id")
        return list(
            ColumnPage.objects.child_of(self)
            .live()
            .public()
            .in_menu()
            .filter(pk__in=with_items)
            .exclude(pk__in=[*chosen_ids, self.notice_column_id or 0])
            .order_by("path")
        )

    def picture_items(self):
        """The newest items that carry a lead image (any item type with a ``lead_image``), for 图片新闻."""
        if not self.picture_count:
            return []
        newest = (
            ColumnItem.objects.live()
            .public()
            .descendant_of(self)
            .filter(listed_now())
            .order_by("-publish_date")[:PICTURE_SCAN]
            .specific()
        )
        return [item for item in newest if getattr(item, "lead_image_id", None)][: self.picture_count]

    def topic_banners(self):
        """Sections below a column that carry a banner image (专题), newest first."""
        if not self.topic_banner_count:
            return []
        sections = (
            Page.objects.live()
            .public()
            .descendant_of(self)
            .filter(depth=self.depth + 2)
            .not_type(ColumnItem)
            .order_by("-first_published_at")[: self.topic_banner_count * 4]
            .specific()
        )
        return [page for page in sections if getattr(page, "banner_image_id", None)][: self.topic_banner_count]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slots = list(self.column_slots.select_related("column").filter(column__live=True))
        slots += [
            HomeColumnSlot(page=self, column=column, count=OTHER_COLUMN_COUNT)
            for column in self.other_columns([slot.column_id for slot in slots])
        ]
        counts = {slot.column_id: slot.count for slot in slots}
        if self.notice_column_id:
            counts[self.notice_column_id] = max(counts.get(self.notice_column_id, 0), self.notice_count)
        items = self.latest_items(counts)
        context["column_blocks"] = [(slot, items.get(slot.column_id, [])) for slot in slots]
        context["notices"] = items.get(self.notice_column_id, [])[: self.notice_count] if self.notice_column_id else []
        context["banner_slides"] = list(
            self.banner_slides.select_related("image", "link_page").prefetch_related("image__renditions")
        )
        context["picture_items"] = self.picture_items()
        context["topic_banners"] = self.topic_banners()
        return context


class HomeBannerSlide(Orderable):
    """One slide of the home banner: a slogan over an image, optionally linked."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="banner_slides")
    image = models.ForeignKey("wagtailimages.Image", verbose_name="图片", on_delete=models.CASCADE, related_name="+")
    title = models.CharField("标语", max_length=40)
    subtitle = models.CharField("副标题", max_length=80, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="链接页面", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.URLField("外部链接", blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("title"),
        FieldPanel("subtitle"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        db_table = "portal_homebannerslide"
        verbose_name = "首页横幅"
        verbose_name_plural = "首页横幅"

    def clean(self):
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": "链接页面和外部链接只能填写一个。"})

    @property
    def link(self):
        return self.link_page.url if self.link_page_id else self.link_url


class HomeColumnSlot(Orderable):
    """A column shown on the home page with its latest items."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="column_slots")
    column = models.ForeignKey(ColumnPage, verbose_name="栏目", on_delete=models.CASCADE, related_name="+")
    count = models.PositiveSmallIntegerField(
        "显示条数", default=6, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )

    panels = [PageChooserPanel("column", page_type="columns.ColumnPage"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        db_table = "portal_homecolumnslot"
        verbose_name = "首页栏目"
        verbose_name_plural = "首页栏目"


class InfoPage(Page):
    """A plain information page under the home page: 联系我们, 网站声明, 隐私政策 and the like."""

    body = RichTextField("正文", features=["h2", "h3", "bold", "ol", "ul", "link", "document-link"])

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "home/info_page.html"

    class Meta:
        verbose_name = "说明页面"
        verbose_name_plural = "说明页面"


@register_setting(icon="list-ul")
class SiteFrame(ClusterableModel, BaseSiteSetting):
    """页头页脚: the pages and links every public page's footer shows (政府网站发展指引)."""

    contact_page = models.ForeignKey(
        Page, verbose_name="联系我们", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    statement_page = models.ForeignKey(
        Page, verbose_name="网站声明", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    privacy_page = models.ForeignKey(
        Page, verbose_name="隐私政策", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        MultiFieldPanel(
            [PageChooserPanel("contact_page"), PageChooserPanel("statement_page"), PageChooserPanel("privacy_page")],
            heading="页脚链接",
            help_text="可选“说明页面”类型的页面，在首页下新建。",
        ),
        InlinePanel("friend_links", heading="友情链接", label="链接"),
    ]

    class Meta:
        verbose_name = "页头页脚"


class FriendLink(Orderable):
    """One 友情链接 of the footer (中国长安网, the provincial committee…)."""

    frame = ParentalKey(SiteFrame, on_delete=models.CASCADE, related_name="friend_links")
    title = models.CharField("网站名称", max_length=40)
    url = models.URLField("网址")

    panels = [FieldPanel("title"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "友情链接"
        verbose_name_plural = "友情链接"
