"""Public URLs of the legal-services green channel (under ``/legal/``); guides and laws are Wagtail pages."""

from django.urls import path

from . import views

app_name = "legal_services"

urlpatterns = [
    path("", views.index, name="index"),
    path("faq/", views.faq, name="faq"),
    path("faq/<int:question_id>/", views.faq_detail, name="faq_detail"),
    path("ask/", views.ask, name="ask"),
    path("ask/done/", views.ask_done, name="ask_done"),
    path("aid/", views.aid_apply, name="aid_apply"),
    path("aid/done/", views.aid_done, name="aid_done"),
    path("aid/query/", views.aid_query, name="aid_query"),
]
