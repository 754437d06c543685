"""专题专栏: topic series, each gathering the articles of one campaign or theme.

The column holds topics (``TopicPage``): a banner, an introduction and the
period the campaign runs, from which its status (进行中/已结束) follows. A topic
holds its articles (``TopicArticlePage``). Articles are column items two levels
below the column, so they still belong to it (``ColumnItem.find_column``) and
appear in its feed, on the home page and in site search like any other item.
Inspection rules treat topic columns like policy columns: updated at least
every six months.
"""

from collections import Counter
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from columns.models import ColumnItem, ColumnPage, listed_now
from columns.registry import register_column, register_searchable

ONGOING = "进行中"
ENDED = "已结束"
END_BEFORE_START_MESSAGE = "结束日期不能早于开始日期，请核对专题的起止日期。"


def ended_on(today):
    """Filter for topics whose end date has passed; a topic without an end date never ends."""
    return Q(end_date__isnull=False, end_date__lt=today)


@register_column
class TopicColumnPage(ColumnPage):
    """Lists the topics, ongoing ones first, each with its status, period and number of articles."""

    column_name = "专题专栏"
    default_slug = "ztzl"
    icon = "folder-open-inverse"
    update_interval = timedelta(days=183)

    subpage_types = ["topics.TopicPage"]
    template = "topics/topic_column_page.html"

    class Meta:
        db_table = "columns_topiccolumnpage"  # the table it had in the columns app
        verbose_name = "专题专栏栏目"
        verbose_name_plural = "专题专栏栏目"

    def topics(self):
        today = timezone.localdate()
        return (
            TopicPage.objects.child_of(self)
            .live()
            .public()
            .select_related("banner_image")
            .annotate(
                ended_rank=Case(When(ended_on(today), then=Value(1)), default=Value(0), output_field=IntegerField())
            )
            .order_by("ended_rank", "-start_date", "-pk")
        )

    def listing_items(self, request):
        """The listing pages through topics; the articles themselves are listed on each topic page."""
        return self.topics()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = list(context["items_page"].object_list)
        on_this_page = Q()
        for topic in topics:
            on_this_page |= Q(path__startswith=topic.path)
        article_paths = (
            TopicArticlePage.objects.live()
            .public()
            .filter(listed_now(), on_this_page, depth=self.depth + 2)
            .values_list("path", flat=True)
            if topics
            else []
        )
        counts = Counter(path[: -Page.steplen] for path in article_paths)
        for topic in topics:
            topic.article_count = counts[topic.path]
        return context


@register_searchable
class TopicPage(Page):
    """A topic: banner, introduction and period; its page lists its articles newest first, a page at a time."""

    intro = models.TextField("专题简介", max_length=500, help_text="在栏目页和专题页上显示，500字以内。")
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="专题横幅",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="建议宽高比 4:1，例如 1200×300 像素。",
    )
    start_date = models.DateField("开始日期", default=timezone.localdate)
    end_date = models.DateField(
        "结束日期", null=True, blank=True, help_text="过了这一天，专题显示为“已结束”；长期专题留空。"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("banner_image"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])], heading="专题时间"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.FilterField("end_date")]

    parent_page_types = ["topics.TopicColumnPage"]
    subpage_types = ["topics.TopicArticlePage"]
    template = "topics/topic_page.html"
    articles_per_page = 15

    class Meta:
        db_table = "columns_topicpage"  # the table it had in the columns app
        verbose_name = "专题"
        verbose_name_plural = "专题"

    @property
    def has_ended(self):
        return self.end_date is not None and self.end_date < timezone.localdate()

    @property
    def status(self):
        return ENDED if self.has_ended else ONGOING

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": END_BEFORE_START_MESSAGE})

    def articles(self):
        return (
            TopicArticlePage.objects.child_of(self)
            .live()
            .public()
            .filter(listed_now())
            .select_related("lead_image")
            .order_by("-publish_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items_page"] = Paginator(self.articles(), self.articles_per_page).get_page(request.GET.get("page"))
        context["column"] = self.get_parent().specific
        return context


class TopicArticlePage(ColumnItem):
    """An article of a topic; shows which topic it belongs to, with an optional lead image."""

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="题图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*ColumnItem.content_panels[:2], FieldPanel("lead_image"), *ColumnItem.content_panels[2:]]

    parent_page_types = ["topics.TopicPage"]
    subpage_types = []
    template = "topics/topic_article_page.html"

    class Meta:
        db_table = "columns_topicarticlepage"  # the table it had in the columns app
        verbose_name = "专题文章"
        verbose_name_plural = "专题文章"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic"] = self.get_parent().specific
        return context
