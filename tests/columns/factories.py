"""Column pages and their items, built under a given ``parent`` with wagtail-factories."""

from functools import cache

import factory
import wagtail_factories

from django.utils import timezone

from columns.plugins.news.models import NewsColumnPage, NewsPage
from columns.plugins.notices.models import NoticeColumnPage, NoticePage


class ColumnPageFactory(wagtail_factories.PageFactory):
    """A column shown in the menus; pass ``parent=`` (the home page)."""

    class Meta:
        abstract = True

    show_in_menus = True


class ItemPageFactory(wagtail_factories.PageFactory):
    """An item of a column; pass ``parent=`` (the column)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"信息{n:04d}")
    slug = factory.Sequence(lambda n: f"item-{n:04d}")
    publish_date = factory.LazyFunction(timezone.now)


class NewsColumnPageFactory(ColumnPageFactory):
    class Meta:
        model = NewsColumnPage

    title = "政法要闻"
    slug = "zfyw"


class NoticeColumnPageFactory(ColumnPageFactory):
    class Meta:
        model = NoticeColumnPage

    title = "通知公告"
    slug = "tzgg"


class NewsPageFactory(ItemPageFactory):
    class Meta:
        model = NewsPage


class NoticePageFactory(ItemPageFactory):
    class Meta:
        model = NoticePage


FACTORIES = {
    NewsColumnPage: NewsColumnPageFactory,
    NoticeColumnPage: NoticeColumnPageFactory,
    NewsPage: NewsPageFactory,
    NoticePage: NoticePageFactory,
}


@cache
def page_factory(model):
    """The factory of a page model: one of the above, or a plain PageFactory made for ``model``
    (the many column types of the plugins need no factory of their own)."""
    if model in FACTORIES:
        return FACTORIES[model]
    meta = type("Meta", (), {"model": model})
    return type(f"{model.__name__}Factory", (wagtail_factories.PageFactory,), {"Meta": meta})
