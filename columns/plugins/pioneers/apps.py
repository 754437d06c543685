from django.apps import AppConfig


class PioneersConfig(AppConfig):
    name = "columns.plugins.pioneers"
    label = "pioneers"
    verbose_name = "政法先锋"
