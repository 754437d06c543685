from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = "首页"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)
