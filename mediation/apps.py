from django.apps import AppConfig


class MediationConfig(AppConfig):
    name = "mediation"
    label = "mediation"
    verbose_name = "综治调解"
