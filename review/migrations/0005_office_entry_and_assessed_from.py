
import django.db.models.deletion
import django.utils.timezone
import portal.storage
import review.models.records
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('review', '0004_approved_revisions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='reporteditem',
            name='entered_by',
            field=models.ForeignKey(blank=True, help_text='办公室根据报送单位的纸质材料代为录入时，录入的工作人员。', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='代录入人'),
        ),
        # Existing units get no start (NULL: assessed in every period, as before); the assessment app's
        # migration carries their set-up dates over. Only units created from now on default to today.
        migrations.AddField(
            model_name='reportingunit',
            name='assessed_from',
            field=models.DateField(blank=True, help_text='从包含此日期的考核期（月或周）起参加考核排名和任务统计，之前各期不排名、不判定任务；默认从创建时的当期起。留空则不限。', null=True, verbose_name='考核起始'),
        ),
        migrations.AlterField(
            model_name='reportingunit',
            name='assessed_from',
            field=models.DateField(blank=True, default=django.utils.timezone.localdate, help_text='从包含此日期的考核期（月或周）起参加考核排名和任务统计，之前各期不排名、不判定任务；默认从创建时的当期起。留空则不限。', null=True, verbose_name='考核起始'),
        ),
        migrations.AddField(
            model_name='signature',
            name='method',
            field=models.CharField(choices=[('online', '在线签字'), ('scan', '纸质签字扫描件')], default='online', max_length=10, verbose_name='签字方式'),
        ),
        migrations.AddField(
            model_name='signature',
            name='scan',
            field=models.FileField(blank=True, max_length=200, storage=portal.storage.PrivateMediaStorage(), upload_to=review.models.records.scan_path, verbose_name='签字扫描件'),
        ),
        migrations.AddField(
            model_name='signature',
            name='scan_content_type',
            field=models.CharField(blank=True, max_length=50, verbose_name='扫描件类型'),
        ),
        migrations.AddField(
            model_name='signature',
            name='uploaded_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='上传人'),
        ),
    ]
