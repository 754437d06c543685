from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    label = "feedback"
    verbose_name = "网站纠错"
    default_auto_field = "django.db.models.BigAutoField"
