# The home page, its column slots and banner slides moved to the home app (home.0001_initial), which keeps
# their tables; here they only leave the migration state.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0004_workdays_and_serials'),
        ('home', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='HomeBannerSlide'),
                migrations.DeleteModel(name='HomeColumnSlot'),
                migrations.DeleteModel(name='HomePage'),
            ],
        ),
    ]
