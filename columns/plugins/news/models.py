"""News columns: 政法要闻, 法治{city}, 平安{city}, 队伍建设 and 政法文化.

Each is its own column type (its own name, slug and place in the admin), and
all of them hold the same item type, ``NewsPage``: dated reports with source
unit, author, editor and photos. Inspection rules expect news columns to be
updated at least every two weeks.
"""

from datetime import timedelta

from django.db import models

from wagtail.admin.panels import FieldPanel

from columns.models import ColumnItem, ColumnPage
from columns.registry import register_column

NEWS_UPDATE_INTERVAL = timedelta(weeks=2)


class NewsPage(ColumnItem):
    """A news report; the lead image appears on the item page and in listings."""

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="题图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*ColumnItem.content_panels[:2], FieldPanel("lead_image"), *ColumnItem.content_panels[2:]]

    subpage_types = []
    template = "news/news_page.html"

    class Meta:
        db_table = "columns_newspage"  # the table it had in the columns app
        verbose_name = "新闻"
        verbose_name_plural = "新闻"


@register_column
class NewsColumnPage(ColumnPage):
    column_name = "政法要闻"
    default_slug = "zfyw"
    icon = "doc-full-inverse"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_newscolumnpage"  # the table it had in the columns app
        verbose_name = "政法要闻栏目"
        verbose_name_plural = "政法要闻栏目"


@register_column
class RuleOfLawColumnPage(ColumnPage):
    column_name = "法治{city}"
    default_slug = "fzjs"
    icon = "doc-full-inverse"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_ruleoflawcolumnpage"  # the table it had in the columns app
        verbose_name = "法治建设栏目（法治XX）"
        verbose_name_plural = "法治建设栏目（法治XX）"


@register_column
class SafeCityColumnPage(ColumnPage):
    column_name = "平安{city}"
    default_slug = "pajs"
    icon = "doc-full-inverse"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_safecitycolumnpage"  # the table it had in the columns app
        verbose_name = "平安建设栏目（平安XX）"
        verbose_name_plural = "平安建设栏目（平安XX）"


@register_column
class TeamBuildingColumnPage(ColumnPage):
    column_name = "队伍建设"
    default_slug = "dwjs"
    icon = "group"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_teambuildingcolumnpage"  # the table it had in the columns app
        verbose_name = "队伍建设栏目"
        verbose_name_plural = "队伍建设栏目"


@register_column
class CultureColumnPage(ColumnPage):
    column_name = "政法文化"
    default_slug = "zfwh"
    icon = "image"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_culturecolumnpage"  # the table it had in the columns app
        verbose_name = "政法文化栏目"
        verbose_name_plural = "政法文化栏目"
