"""An RSS 2.0 feed for every column, so that citizens' readers and higher platforms can follow it."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed

from portal.models import SiteIdentity

from .models import ColumnPage

FEED_LENGTH = 20


class ColumnFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "zh-cn"

    def get_object(self, request, column_id):
        column = ColumnPage.objects.live().public().filter(pk=column_id).first()
        if column is None:
            raise Http404("没有这个栏目")
        self.request = request
        return column

    def title(self, column):
        identity = SiteIdentity.for_request(self.request)
        return f"{column.title} - {identity.site_name}".rstrip(" -")

    def link(self, column):
        return column.get_url(self.request)

    def description(self, column):
        return column.intro or f"{column.title}栏目最新信息"

    def items(self, column):
        return column.items()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description or ""

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.publish_date

    def item_author_name(self, item):
        return item.author or None
