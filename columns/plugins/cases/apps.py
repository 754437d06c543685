from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "columns.plugins.cases"
    label = "cases"
    verbose_name = "以案说法"
