from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "dyzo.dossiers"
    verbose_name = _("Dossiers")

    def ready(self):
        from django.db.models.signals import post_migrate

        from dyzo.dossiers.sections import dossiers_section
        from dyzo.localgov.sections import register_section
        from dyzo.utils.sqlite_stats import analyze_new_indexes

        register_section(dossiers_section)
        # Once per migrate (this app's signal): new indexes get SQLite planner statistics.
        post_migrate.connect(analyze_new_indexes, sender=self, dispatch_uid="sqlite-stats")
