"""Units keep the periods they were assessed in: a recorded set-up date used to mean "assessed from the
next full period"; that is now the unit's 考核起始 (``ReportingUnit.assessed_from``), so each set-up date
becomes the first day of the next full period of the unit's quota (month, or ISO week)."""

from datetime import timedelta

from django.db import migrations


def next_full_period_start(since, kind):
    if kind == "week":
        return since if since.weekday() == 0 else since + timedelta(days=7 - since.weekday())
    if since.day == 1:
        return since
    return (
        since.replace(year=since.year + 1, month=1, day=1)
        if since.month == 12
        else since.replace(month=since.month + 1, day=1)
    )


def carry_over(apps, schema_editor):
    UnitAssessmentStart = apps.get_model("assessment", "UnitAssessmentStart")
    QuotaRule = apps.get_model("assessment", "QuotaRule")
    ReportingUnit = apps.get_model("review", "ReportingUnit")
    kinds = dict(QuotaRule.objects.values_list("category", "period"))
    for start in UnitAssessmentStart.objects.select_related("unit"):
        unit = start.unit
        if unit.assessed_from is None:
            first = next_full_period_start(start.since, kinds.get(unit.category, "month"))
            ReportingUnit.objects.filter(pk=unit.pk).update(assessed_from=first)


class Migration(migrations.Migration):
    dependencies = [
        ("assessment", "0002_defaults"),
        ("review", "0005_office_entry_and_assessed_from"),
    ]

    operations = [migrations.RunPython(carry_over, migrations.RunPython.noop)]
