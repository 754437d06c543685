from django.apps import AppConfig


class AnnualReportConfig(AppConfig):
    name = "annual_report"
    verbose_name = "网站年度报表"
    default_auto_field = "django.db.models.BigAutoField"
