from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "站内搜索"

    def ready(self):
        # Django requires it here: signals imports the models, which cannot load before the app registry is ready.
        from portal import warmup

        from . import signals  # noqa: F401  (connects the dictionary signal handlers)
        from .analysis import load_dictionary

        # jieba's dictionary takes 0.7 s to load: a booting worker loads it, not the first search.
        warmup.register("search.dictionary", load_dictionary)
