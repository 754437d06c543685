"""Public URLs of 依申请公开 (under ``/disclosure/``); the guide and report pages are Wagtail pages under 政务公开."""

from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.apply_done, name="done"),
    path("query/", views.query, name="query"),
]
