"""Public URLs of 网站纠错 (under ``/feedback/``); the footer's 我为政府网站找错 entry links to ``feedback:report``."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("", views.report, name="report"),
    path("done/", views.report_done, name="done"),
    path("query/", views.report_query, name="query"),
]
