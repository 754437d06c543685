"""Where letters' attachments live: under ``settings.PRIVATE_MEDIA_ROOT``, never under the public ``/media/``.

The storage has no URL: files reach staff only through the permission-checked
admin view (``mailbox_admin:attachment``).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="mailbox.storage.PrivateMediaStorage")
class PrivateMediaStorage(FileSystemStorage):
    """Reads the setting on every access, so tests and deployments can point it elsewhere."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through the admin view.")


private_storage = PrivateMediaStorage()
