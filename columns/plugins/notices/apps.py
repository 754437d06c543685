from django.apps import AppConfig


class NoticesConfig(AppConfig):
    name = "columns.plugins.notices"
    label = "notices"
    verbose_name = "通知公告"
