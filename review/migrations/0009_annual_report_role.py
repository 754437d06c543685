"""Grant the annual website report's permission to 办公室审核员 and 网站管理员: re-apply ``review/roles.py``."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from review.roles import ROLE_APPS, ROLES, install_roles


def install(apps, schema_editor):
    labels = set(ROLE_APPS) | {dotted.split(".")[0] for role in ROLES for dotted in role.permissions}
    for label in sorted(labels):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    install_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0008_default_roles"),
        ("annual_report", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
