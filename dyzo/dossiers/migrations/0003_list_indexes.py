from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0002_encrypted_personal_text'),
        ('localgov', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='dossier',
            name='case_type',
            field=models.CharField(choices=[('enterprise_scan', 'enterprise scan'), ('social_pre_investigation', 'social pre-investigation')], max_length=30, verbose_name='type'),
        ),
        migrations.AlterField(
            model_name='dossier',
            name='status',
            field=models.CharField(choices=[('intake', 'Intake'), ('data_collection', 'Data collection'), ('investigation', 'Investigation'), ('report_drafting', 'Report drafting'), ('report_delivered', 'Report delivered'), ('closed', 'Closed'), ('cancelled', 'Cancelled')], default='intake', editable=False, max_length=20, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='dossier',
            name='year',
            field=models.PositiveSmallIntegerField(editable=False, verbose_name='year'),
        ),
        migrations.AddIndex(
            model_name='adviceentry',
            index=models.Index(fields=['municipality', '-asked_on', '-id'], name='dossiers_ad_municip_0036cc_idx'),
        ),
        migrations.AddIndex(
            model_name='adviceentry',
            index=models.Index(fields=['handled_by', '-asked_on', '-id'], name='dossiers_ad_handled_174aef_idx'),
        ),
        migrations.AddIndex(
            model_name='dossier',
            index=models.Index(fields=['status', '-id'], name='dossiers_do_status_deacb6_idx'),
        ),
        migrations.AddIndex(
            model_name='dossier',
            index=models.Index(fields=['case_type', '-id'], name='dossiers_do_case_ty_98d200_idx'),
        ),
        migrations.AddIndex(
            model_name='dossier',
            index=models.Index(fields=['year', '-id'], name='dossiers_do_year_663e09_idx'),
        ),
        migrations.AddIndex(
            model_name='teammember',
            index=models.Index(fields=['user', '-dossier'], name='dossiers_te_user_id_e88ae1_idx'),
        ),
    ]
