from django.urls import path

from . import views
from .feeds import ColumnFeed

app_name = "columns"

urlpatterns = [
    path("<int:column_id>/feed/", ColumnFeed(), name="feed"),
    path("item/<int:item_id>/print/", views.print_item, name="print"),
]
