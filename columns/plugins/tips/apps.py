from django.apps import AppConfig


class TipsConfig(AppConfig):
    name = "columns.plugins.tips"
    label = "tips"
    verbose_name = "便民提示"
