"""Abstract images drawn with Pillow for the demo content, so the demo ships no photos.

Each image is a pure function of its seed: re-running the seed command draws
the same picture, which keeps it idempotent.
"""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ((11, 74, 139), (7, 52, 102), (179, 22, 29)),
    ((20, 96, 120), (10, 60, 82), (230, 170, 40)),
    ((120, 24, 30), (80, 12, 18), (240, 200, 90)),
    ((40, 90, 60), (20, 55, 35), (220, 220, 200)),
]


def draw_image(seed, width, height):
    """A gradient sky, a skyline of blocks and a sun disc: plausible as a banner or news photo."""
    rng = random.Random(seed)
    top, bottom, accent = PALETTES[rng.randrange(len(PALETTES))]
    image = Image.new("RGB", (width, height), top)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    sun_x, sun_r = rng.randint(width // 5, width * 4 // 5), height // 6
    draw.ellipse([sun_x - sun_r, height // 5, sun_x + sun_r, height // 5 + 2 * sun_r], fill=accent)
    x = 0
    while x < width:
        block_w = rng.randint(width // 30, width // 12)
        block_h = rng.randint(height // 6, height // 2)
        shade = tuple(max(0, c - rng.randint(20, 50)) for c in bottom)
        draw.rectangle([x, height - block_h, x + block_w, height], fill=shade)
        for wy in range(height - block_h + 8, height - 8, 14):
            for wx in range(x + 5, x + block_w - 6, 12):
                if rng.random() < 0.35:
                    draw.rectangle([wx, wy, wx + 4, wy + 6], fill=(250, 230, 160))
        x += block_w + rng.randint(0, 6)
    return image.filter(ImageFilter.SMOOTH)


def image_bytes(seed, width, height):
    buffer = io.BytesIO()
    draw_image(seed, width, height).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
