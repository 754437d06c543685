"""Editors' photos lose their EXIF, GPS and XMP metadata on upload.

A phone photo carries where and when it was taken and with which device; published as it is, every
rendition Wagtail makes would be generated from an original that still holds them. The original is
cleaned before it is saved (``pre_save`` of the image model, connected in ``PortalConfig.ready``), so
every rendition, made from the original, is clean too. Wagtail's single and multiple upload views and
images created in code all pass through it.
"""

import logging

from django.core.exceptions import ValidationError

from wagtail.utils.file import hash_filelike

from .uploads import strip_image_metadata

logger = logging.getLogger(__name__)


def strip_uploaded_image(sender, instance, **kwargs):
    """``pre_save`` receiver: replace a new original by its metadata-free copy and update size and hash."""
    field_file = instance.file
    if not field_file:
        return
    try:
        if not field_file._committed:
            cleaned = strip_image_metadata(field_file.file)
            if cleaned is field_file.file:
                return
            field_file.file = cleaned
        elif instance._state.adding:
            # the multiple-upload view writes the file to storage before saving the image
            with field_file.storage.open(field_file.name, "rb") as stored:
                cleaned = strip_image_metadata(stored)
                if cleaned is stored:
                    return
            field_file.storage.delete(field_file.name)
            field_file.name = field_file.storage.save(field_file.name, cleaned)
        else:
            return
    except ValidationError:
        logger.warning("Image %s could not be re-encoded; stored as uploaded.", field_file.name)
        return
    instance.file_size = cleaned.size
    cleaned.seek(0)
    instance.file_hash = hash_filelike(cleaned)
    cleaned.seek(0)
