from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    label = "disclosure"
    verbose_name = "依申请公开"
    default_auto_field = "django.db.models.BigAutoField"
