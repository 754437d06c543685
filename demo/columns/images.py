"""Demo images for the column seeders of this package, drawn once and found again by title.

Looking an image up by its title before drawing it keeps seeding idempotent,
the same way ``manage.py seed_demo`` does for its own images.
"""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from demo.images import image_bytes


def ensure_demo_image(title, seed, width, height):
    """The image titled ``title``, drawn from ``seed`` if it does not exist yet."""
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(
            title=title,
            description=title.split("：", 1)[-1],
            file=ImageFile(io.BytesIO(image_bytes(seed, width, height)), name=f"demo-{seed}.jpg"),
        )
        image.save()
    return image
