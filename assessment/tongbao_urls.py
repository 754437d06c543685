from django.urls import path

from . import tongbao_views as views

urlpatterns = [
    path("tongbao/", views.index_view, name="tongbao_index"),
    path("tongbao/new/", views.create_view, name="tongbao_create"),
    path("tongbao/<int:pk>/", views.detail_view, name="tongbao_detail"),
    path("tongbao/<int:pk>/edit/", views.edit_view, name="tongbao_edit"),
    path("tongbao/<int:pk>/issue/", views.issue_view, name="tongbao_issue"),
    path("tongbao/<int:pk>/print/", views.print_view, name="tongbao_print"),
    path("tongbao/<int:pk>/<str:fmt>/", views.file_view, name="tongbao_file"),
]
