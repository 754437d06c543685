"""The shared unit replaces the old FK: ``unit_new`` becomes ``unit`` and HandlingUnit goes.

Reverse: schema only — an empty HandlingUnit table comes back; the units stay in review.ReportingUnit.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("mailbox", "0002_letter_unit_to_shared_units"),
    ]

    operations = [
        migrations.RemoveField(model_name="letter", name="unit"),
        migrations.RenameField(model_name="letter", old_name="unit_new", new_name="unit"),
        migrations.AlterField(
            model_name="letter",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"handles_letters": True},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="letters",
                to="review.reportingunit",
                verbose_name="承办单位",
            ),
        ),
        migrations.DeleteModel(name="HandlingUnit"),
    ]
