"""The quotas of issue 5 and the report permission for the office reviewers (办公室审核员)."""

from django.db import migrations

OFFICE_GROUP = "办公室审核员"
QUOTAS = [("township", "month", 2), ("member", "month", 2), ("other", "month", 1), ("key", "week", 1)]


def install(apps, schema_editor):
    QuotaRule = apps.get_model("assessment", "QuotaRule")
    for category, period, minimum in QUOTAS:
        QuotaRule.objects.get_or_create(category=category, defaults={"period": period, "minimum": minimum})
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="assessment", model="issuedreport")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_report", defaults={"name": "可以查看考核通报"}
    )
    group = Group.objects.filter(name=OFFICE_GROUP).first()
    if group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0001_initial"),
        ("review", "0002_default_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
