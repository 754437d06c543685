"""The scan of a paper signature form: a PDF, JPEG or PNG, judged by its content, never by its name.

It stands in for a leader's signature, so a file that only claims to be one (a renamed script, an
HTML page, a truncated PDF) is refused, and so is one too large to be a scan.
"""

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError

# (leading bytes, content type, extension, Pillow format or None for PDF)
KINDS = [
    (b"%PDF-", "application/pdf", "pdf", None),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg", "JPEG"),
]
INVALID = "签字扫描件只能是PDF、JPG或PNG文件，且内容须与格式相符。"


def max_bytes():
    return getattr(settings, "REVIEW_SCAN_MAX_MB", 10) * 1024 * 1024


def _is_image(upload, image_format):
    try:
        with Image.open(upload) as image:
            actual = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        upload.seek(0)
    return actual == image_format


def _is_pdf(upload):
    """A whole PDF ends with an end-of-file marker."""
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(max(0, size - 2048))
    tail = upload.read()
    upload.seek(0)
    return b"%%EOF" in tail


def check_scan(upload):
    """``(content_type, extension)`` of a valid scan; raises ``ValidationError`` with a Chinese message otherwise."""
    if upload.size > max_bytes():
        raise ValidationError(f"签字扫描件不能超过{max_bytes() // (1024 * 1024)}MB。")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension, image_format in KINDS:
        if head.startswith(magic):
            valid = _is_pdf(upload) if image_format is None else _is_image(upload, image_format)
            if valid:
                return content_type, extension
            break
    raise ValidationError(INVALID)
