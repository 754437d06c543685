"""The JSON search API; portal/urls.py includes it outside the language patterns, at /api/search/ only."""

from django.urls import path

from . import views

urlpatterns = [
    path("api/search/", views.search_api, name="search_api"),
]
