from django.apps import AppConfig


class TopicsConfig(AppConfig):
    name = "columns.plugins.topics"
    label = "topics"
    verbose_name = "专题"
