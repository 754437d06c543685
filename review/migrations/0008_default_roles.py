"""Install every role's group with exactly the permissions of ``review/roles.py``, and give each
reporting unit its own collection.

Re-runnable: groups are created or brought back to the table. Files a unit's people uploaded into
the root collection move into the unit's collection, which its group keeps choosing from.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from portal.collections import add_child_collection
from review.roles import ROLE_APPS, UNIT_GROUP_PREFIX, UNIT_ROLE, apply_role, install_roles

DOMAIN_APPS = ("review", "assessment", "mailbox", "legal_services", "portal", "search")
FILE_MODELS = (("wagtaildocs", "Document"), ("wagtailimages", "Image"), ("wagtailmedia", "Media"))


def ensure_permissions(apps):
    """Permissions are normally created after ``migrate``; the groups need them now."""
    for label in (*ROLE_APPS, *DOMAIN_APPS):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)


def sync_units(apps):
    ReportingUnit = apps.get_model("review", "ReportingUnit")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    for unit in ReportingUnit.objects.filter(reports_items=True).order_by("pk"):
        if unit.collection_id is None and root is not None:
            unit.collection = add_child_collection(Collection, root, unit.name)
        if unit.group_id is None:
            unit.group, _ = Group.objects.get_or_create(name=f"{UNIT_GROUP_PREFIX}{unit.name}")
        unit.save(update_fields=["collection", "group"])
        apply_role(apps, UNIT_ROLE, unit.group, pages=list(unit.allowed_columns.all()), collection=unit.collection)
        if root is None:
            continue
        people = list(unit.members.exclude(user=None).values_list("user_id", flat=True))
        for app_label, model_name in FILE_MODELS:
            apps.get_model(app_label, model_name).objects.filter(
                collection=root, uploaded_by_user_id__in=people
            ).update(collection=unit.collection)


def install(apps, schema_editor):
    ensure_permissions(apps)
    install_roles(apps)
    sync_units(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0007_unit_collection"),
        ("assessment", "0003_assessed_from_set_up_dates"),
        ("mailbox", "0004_letter_public_texts"),
        ("legal_services", "0005_one_time_submission_keys_and_random_attachment_names"),
        ("portal", "0008_public_documents_collection"),
        ("search", "0003_default_dictionary"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
