from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "dyzo.dossiers"
    verbose_name = _("Dossiers")

    def ready(self):
        from dyzo.dossiers.sections import dossiers_section
        from dyzo.localgov.sections import register_section

        register_section(dossiers_section)
