from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "assessment"
    label = "assessment"
    verbose_name = "考核通报"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401
