from django.urls import path

from . import tongbao_urls, views

app_name = "assessment"

urlpatterns = [
    path("", views.report_view, name="report"),
    path("print/", views.print_view, name="print"),
    path("excel/", views.excel_view, name="excel"),
    path("pdf/", views.pdf_view, name="pdf"),
    path("draft/", views.draft_view, name="draft"),
    *tongbao_urls.urlpatterns,
    path("issued/<int:pk>/", views.issued_view, name="issued"),
    path("summary/", views.summary_view, name="summary"),
    path("summary/excel/", views.summary_excel_view, name="summary_excel"),
]
