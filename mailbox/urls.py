from django.urls import path

from . import views

app_name = "mailbox"

urlpatterns = [
    path("", views.index, name="index"),
    path("write/", views.write, name="write"),
    path("write/done/", views.write_done, name="write_done"),
    path("query/", views.query, name="query"),
    path("rate/", views.rate, name="rate"),
    path("letters/<str:number>/", views.letter_detail, name="letter"),
    path("statistics/", views.statistics, name="statistics"),
    path("statistics/export/", views.statistics_export, name="statistics_export"),
]
