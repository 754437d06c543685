from django.urls import path

from . import views

app_name = "annual_report"

urlpatterns = [
    path("", views.index_view, name="index"),
    path("<int:pk>/", views.edit_view, name="edit"),
    path("<int:pk>/recalculate/", views.recalculate_view, name="recalculate"),
    path("<int:pk>/issue/", views.issue_view, name="issue"),
    path("<int:pk>/publish/", views.publish_view, name="publish"),
    path("<int:pk>/excel/", views.excel_view, name="excel"),
    path("<int:pk>/pdf/", views.pdf_view, name="pdf"),
    path("<int:pk>/print/", views.print_view, name="print"),
]
