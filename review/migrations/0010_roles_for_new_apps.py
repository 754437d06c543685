"""Grant the roles the permissions of the apps and models added since 0008 (网站健康检查, the wording lists, the
formal 通报, 网站纠错, 依申请公开, 访问统计, the annual website report): re-applies ``review/roles.py``."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from review.roles import ROLE_APPS, install_roles

DOMAIN_APPS = (
    "review", "assessment", "mailbox", "legal_services", "portal", "search", "inspection", "feedback", "disclosure",
    "analytics", "annual_report",
)  # fmt: skip


def install(apps, schema_editor):
    for label in (*ROLE_APPS, *DOMAIN_APPS):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    install_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0009_wording_lists_and_findings"),
        ("inspection", "0002_broken_links"),
        ("assessment", "0006_tongbao"),
        ("feedback", "0001_initial"),
        ("disclosure", "0001_initial"),
        ("analytics", "0001_initial"),
        ("annual_report", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
