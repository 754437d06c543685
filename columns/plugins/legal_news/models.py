"""法治动态: news of the legal-services field (new laws in force, legal aid, public legal education).

Another news column type: it holds the ordinary ``NewsPage`` items, so
editors write 法治动态 exactly as they write 政法要闻, and the legal-services
channel lists it next to its services.
"""

from datetime import timedelta

from columns.models import ColumnPage
from columns.registry import register_column


@register_column
class LegalNewsColumnPage(ColumnPage):
    column_name = "法治动态"
    default_slug = "fzdt"
    icon = "doc-full-inverse"
    # News columns must be updated at least every two weeks (national checks, like the news plugin's).
    update_interval = timedelta(weeks=2)
    subpage_types = ["news.NewsPage"]
    template = "news/news_column_page.html"

    class Meta:
        db_table = "columns_legalnewscolumnpage"  # the table it had in the columns app
        verbose_name = "法治动态栏目"
        verbose_name_plural = "法治动态栏目"
