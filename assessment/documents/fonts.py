"""The CJK TrueType font of the 通报's PDF and charts (``ASSESSMENT_DOCUMENT_FONT``), if installed."""

from functools import cache
from pathlib import Path

from django.conf import settings

#: Tried after the configured font, for the charts only (Pillow reads OpenType CFF, reportlab does not).
CHART_FALLBACKS = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
]


@cache
def _exists(path):
    return bool(path) and Path(path).is_file()


def document_font():
    """The configured TrueType font file, or None when it is not installed."""
    path = settings.ASSESSMENT_DOCUMENT_FONT
    return path if _exists(path) else None


def chart_font():
    for path in [settings.ASSESSMENT_DOCUMENT_FONT, *CHART_FALLBACKS]:
        if _exists(path):
            return path
    return None
