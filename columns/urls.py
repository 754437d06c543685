from django.urls import path

from portal.cache_headers import purged_on_publish

from . import views
from .feeds import ColumnFeed

app_name = "columns"

urlpatterns = [
    path("<int:column_id>/feed/", purged_on_publish(ColumnFeed()), name="feed"),
    path("item/<int:item_id>/print/", purged_on_publish(views.print_item), name="print"),
]
