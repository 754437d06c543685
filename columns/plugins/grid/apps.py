from django.apps import AppConfig


class GridConfig(AppConfig):
    name = "columns.plugins.grid"
    label = "grid"
    verbose_name = "网格化服务"
