from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    label = "review"
    verbose_name = "信息报送审核"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here because AppConfig modules load before the models: Django requires it.
        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from . import signal_handlers  # noqa: F401  (connects the receivers)
        from .page_policy import UnitAwarePagePermissionPolicy

        register_permission_policy(Page, UnitAwarePagePermissionPolicy(Page))
