from django.apps import AppConfig


class InspectionConfig(AppConfig):
    name = "inspection"
    verbose_name = "网站健康检查"
    default_auto_field = "django.db.models.BigAutoField"
