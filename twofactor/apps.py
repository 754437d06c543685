from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    name = "twofactor"
    label = "twofactor"
    verbose_name = "两步验证"
    default_auto_field = "django.db.models.BigAutoField"
