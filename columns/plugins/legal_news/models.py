"""法治动态: news of the legal-services field (new laws in force, legal aid, public legal education).

Another news column type: it holds the ordinary ``NewsPage`` items, so
editors write 法治动态 exactly as they write 政法要闻, and the legal-services
channel lists it next to its services.
"""

from columns.models import ColumnPage
from columns.plugins.news.models import NEWS_UPDATE_INTERVAL
from columns.registry import register_column


@register_column
class LegalNewsColumnPage(ColumnPage):
    column_name = "法治动态"
    default_slug = "fzdt"
    icon = "doc-full-inverse"
    update_interval = NEWS_UPDATE_INTERVAL
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_legalnewscolumnpage"  # the table it had in the columns app
        verbose_name = "法治动态栏目"
        verbose_name_plural = "法治动态栏目"
