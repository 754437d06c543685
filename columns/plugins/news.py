"""News columns (政法要闻, 队伍建设, 政法文化): dated reports with photos."""

from datetime import timedelta

from django.db import models

from wagtail.admin.panels import FieldPanel

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column


@register_column
class NewsColumnPage(ColumnPage):
    column_name = "新闻动态"
    default_slug = "news"
    icon = "doc-full-inverse"
    update_interval = timedelta(weeks=2)

    subpage_types = ["columns.NewsPage"]
    template = "columns/news_column_page.html"

    class Meta:
        verbose_name = "新闻类栏目"
        verbose_name_plural = "新闻类栏目"


class NewsPage(ColumnItem):
    """A news report; the lead image appears in listings and on the home page."""

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="题图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*ColumnItem.content_panels[:2], FieldPanel("lead_image"), *ColumnItem.content_panels[2:]]

    parent_page_types = ["columns.NewsColumnPage"]
    subpage_types = []
    template = "columns/news_page.html"

    class Meta:
        verbose_name = "新闻"
        verbose_name_plural = "新闻"
