"""Letters move from the mailbox's own 承办单位 to the one shared list of units (review.ReportingUnit).

Every HandlingUnit becomes (or joins, by exact name) a unit of the shared list with the 承办来信 role:
its members become the unit's 承办人员, its contact phone fills an empty unit phone, and each letter
points to it through ``unit_new``. A unit created here only handles letters (category 其他部门). The
next migration drops the old foreign key and the old model.

Reverse: supported. It removes ``unit_new`` only; the units and roles set up here stay (harmless).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def merge_units(apps, schema_editor):
    HandlingUnit = apps.get_model("mailbox", "HandlingUnit")
    ReportingUnit = apps.get_model("review", "ReportingUnit")
    Letter = apps.get_model("mailbox", "Letter")
    for old in HandlingUnit.objects.order_by("pk"):
        unit = ReportingUnit.objects.filter(name=old.name).first()
        if unit is None:
            unit = ReportingUnit.objects.create(
                name=old.name,
                category="other",
                phone=old.contact_phone,
                reports_items=False,
                handles_letters=True,
            )
        else:
            unit.handles_letters = True
            if not unit.phone and old.contact_phone:
                unit.phone = old.contact_phone
            unit.save(update_fields=["handles_letters", "phone"])
        unit.letter_handlers.add(*old.members.all())
        Letter.objects.filter(unit_id=old.pk).update(unit_new=unit)


class Migration(migrations.Migration):
    dependencies = [
        ("mailbox", "0001_initial"),
        ("review", "0003_unit_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # review 0003 gave ``mailbox_units`` to ReportingUnit.letter_handlers; the old model's reverse name
        # must differ, or queries through ``members`` would follow the new relation (state only, no SQL).
        migrations.AlterField(
            model_name="handlingunit",
            name="members",
            field=models.ManyToManyField(
                blank=True, related_name="old_mailbox_units", to=settings.AUTH_USER_MODEL, verbose_name="承办人员"
            ),
        ),
        migrations.AddField(
            model_name="letter",
            name="unit_new",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="letters",
                to="review.reportingunit",
                verbose_name="承办单位",
            ),
        ),
        migrations.RunPython(merge_units, migrations.RunPython.noop),
    ]
