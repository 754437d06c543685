from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "门户网站"

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the receivers)
