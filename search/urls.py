"""The public search page; portal/urls.py includes it inside the language patterns (/search/, /en/search/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
]
