from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "columns.plugins.lessons"
    label = "lessons"
    verbose_name = "法治课堂"
