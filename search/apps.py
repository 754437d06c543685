from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "站内搜索"

    def ready(self):
        # Django requires it here: signals imports the models, which cannot load before the app registry is ready.
        from . import signals  # noqa: F401  (connects the dictionary signal handlers)
