"""The 通报's charts as PNG images for the PDF and the .docx: scores per unit, and the trend."""

from functools import cache
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from .fonts import chart_font

RED = (183, 28, 28)
BLUE = (21, 101, 192)
GREY = (153, 153, 153)
BLACK = (0, 0, 0)
SCALE = 2  # drawn at twice the size it is printed, so it stays sharp on paper


@cache
def _font(size):
    path = chart_font()
    return ImageFont.truetype(path, size * SCALE) if path else ImageFont.load_default(size * SCALE)


def _png(image):
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def bars(rows, width=640):
    """Horizontal bars of each unit's score (``rows`` of a 通报 category)."""
    row_height = 24
    height = row_height * len(rows) + 12
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    top = max((float(r["score"]) for r in rows), default=0) or 1
    for i, row in enumerate(rows):
        y = (6 + i * row_height) * SCALE
        length = int(float(row["score"]) / top * 380 * SCALE)
        draw.text((0, y), row["name"][:12], font=_font(11), fill=BLACK)
        draw.rectangle([180 * SCALE, y, 180 * SCALE + length, y + 16 * SCALE], fill=RED)
        draw.text((186 * SCALE + length, y), str(row["score"]), font=_font(11), fill=BLACK)
    return _png(image)


def trend(points, width=640, height=200):
    """Submitted (blue) and adopted (red) items of all units over the periods up to the 通报's."""
    image = Image.new("RGB", (width * SCALE, height * SCALE), "white")
    draw = ImageDraw.Draw(image)
    left, bottom = 40 * SCALE, 170 * SCALE
    top = max([p["submitted"] for p in points] + [p["adopted"] for p in points] + [1])
    step = (width * SCALE - left - 20 * SCALE) / max(len(points) - 1, 1)
    draw.line([(left, bottom), ((width - 10) * SCALE, bottom)], fill=GREY, width=SCALE)
    for key, colour in (("submitted", BLUE), ("adopted", RED)):
        coords = [(left + i * step, bottom - p[key] / top * 150 * SCALE) for i, p in enumerate(points)]
        if len(coords) > 1:
            draw.line(coords, fill=colour, width=2 * SCALE)
        for x, y in coords:
            draw.ellipse([x - 3 * SCALE, y - 3 * SCALE, x + 3 * SCALE, y + 3 * SCALE], fill=colour)
    for i, p in enumerate(points):
        draw.text((left + i * step, bottom + 6 * SCALE), p["key"], font=_font(10), fill=BLACK, anchor="ma")
    draw.text((0, 0), "报送", font=_font(11), fill=BLUE)
    draw.text((40 * SCALE, 0), "采用", font=_font(11), fill=RED)
    return _png(image)
