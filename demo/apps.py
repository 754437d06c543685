from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and the commands that seed it; installed only in the dev and test settings."""

    name = "demo"
    label = "demo"
    verbose_name = "示范内容"
