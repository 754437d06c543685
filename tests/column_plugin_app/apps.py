from django.apps import AppConfig


class ColumnPluginAppConfig(AppConfig):
    name = "tests.column_plugin_app"
    label = "column_plugin_app"
    default_auto_field = "django.db.models.BigAutoField"
