from django.apps import AppConfig


class LegalNewsConfig(AppConfig):
    name = "columns.plugins.legal_news"
    label = "legal_news"
    verbose_name = "法治动态"
