"""The 公开文件 collection: documents an editor moves here are served to everyone (portal/documents.py)."""

from django.db import migrations

from portal.collections import add_child_collection

PUBLIC_COLLECTION_NAME = "公开文件"


def create(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None or Collection.objects.filter(depth=2, name=PUBLIC_COLLECTION_NAME).exists():
        return
    add_child_collection(Collection, root, PUBLIC_COLLECTION_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_outbox"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
