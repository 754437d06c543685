"""What kind of file an upload really is, judged by its content, never by its name."""

from PIL import Image, UnidentifiedImageError

# (kind, content type, extension, Pillow format) by leading bytes.
SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "image/png", "png", "PNG"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg", "JPEG"),
    (b"GIF87a", "image/gif", "gif", "GIF"),
    (b"GIF89a", "image/gif", "gif", "GIF"),
    (b"%PDF-", "application/pdf", "pdf", None),
]


def sniff(upload):
    """``(content_type, extension)`` of an image (PNG, JPEG, GIF) or a PDF, or None for anything else.

    Images must also decode as what their first bytes claim, so a script with a
    forged header is refused.
    """
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension, image_format in SIGNATURES:
        if not head.startswith(magic):
            continue
        if image_format is None:
            return (content_type, extension) if _looks_like_pdf(upload) else None
        try:
            with Image.open(upload) as image:
                actual_format = image.format
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            return None
        finally:
            upload.seek(0)
        return (content_type, extension) if actual_format == image_format else None
    return None


def _looks_like_pdf(upload):
    """A PDF has an end-of-file marker near its end."""
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(max(0, size - 2048))
    tail = upload.read()
    upload.seek(0)
    return b"%%EOF" in tail
