from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "门户网站"

    def ready(self):
        from django.db.models.signals import pre_save

        from wagtail.images import get_image_model

        from .frontend_cache import connect_signals
        from .images import strip_uploaded_image

        connect_signals()

        pre_save.connect(strip_uploaded_image, sender=get_image_model(), dispatch_uid="portal-strip-image-metadata")
