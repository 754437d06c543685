from django.apps import AppConfig


class ColumnsConfig(AppConfig):
    name = "columns"
    verbose_name = "栏目"

    def ready(self):
        # Django requires it here: both modules import the models, which cannot load before the app registry is ready.
        from . import checks, signal_handlers  # noqa: F401  (registers checks and handlers)
