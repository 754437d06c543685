"""The one private file storage: files under ``settings.PRIVATE_MEDIA_ROOT``, never under the public ``/media/``.

Letters' attachments (``mailbox/…``) and legal-aid applications' attachments
(``legal_aid/…``) live here. The storage has no URL: files reach staff only
through permission-checked admin views. The location is read from the settings
on every access, so tests and deployments can point it elsewhere.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="portal.storage.PrivateMediaStorage")
class PrivateMediaStorage(FileSystemStorage):
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
