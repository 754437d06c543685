from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "columns.plugins.news"
    label = "news"
    verbose_name = "新闻"
