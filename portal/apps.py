from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "门户网站"

    def ready(self):
        from django.db.models.signals import post_delete, pre_save

        from wagtail.images import get_image_model
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from . import content_version
        from .frontend_cache import connect_signals
        from .images import strip_uploaded_image

        connect_signals()

        pre_save.connect(strip_uploaded_image, sender=get_image_model(), dispatch_uid="portal-strip-image-metadata")
        # Cached counts (listings, sitemap) end when the page tree changes (portal/content_version.py).
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_version.bump, dispatch_uid=f"portal-content-version-{id(signal)}")
        post_delete.connect(content_version.bump_on_page_delete, dispatch_uid="portal-content-version-delete")
