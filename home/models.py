"""The home page: banner slides, the columns it shows and the notice list.

The tables keep their ``portal_*`` names from before the home page had an app of its own.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import get_column_types

MAX_BANNER_SLIDES = 5


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
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        db_table = "portal_homepage"
        verbose_name = "首页"
        verbose_name_plural = "首页"

    @classmethod
    def clean_subpage_models(cls):
        """Every registered column type may be created under the home page."""
        return get_column_types()

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        slots = list(self.column_slots.select_related("column").filter(column__live=True))
        counts = {slot.column_id: slot.count for slot in slots}
        if self.notice_column_id:
            counts[self.notice_column_id] = max(counts.get(self.notice_column_id, 0), self.notice_count)
        items = self.latest_items(counts)
        context["column_blocks"] = [(slot, items.get(slot.column_id, [])) for slot in slots]
        context["notices"] = items.get(self.notice_column_id, [])[: self.notice_count] if self.notice_column_id else []
        context["banner_slides"] = list(
            self.banner_slides.select_related("image", "link_page").prefetch_related("image__renditions")
        )
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
