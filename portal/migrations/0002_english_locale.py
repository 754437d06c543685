"""English is the second content locale from the start (wagtail-localize)."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


def remove_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.filter(language_code="en", page__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial"), ("wagtailcore", "0057_page_locale_fields_notnull")]

    operations = [migrations.RunPython(add_english, remove_english)]
