from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "dyzo.agreements"
    verbose_name = _("Agreements")

    def ready(self):
        from dyzo.agreements.sections import agreements_section
        from dyzo.localgov.sections import register_section

        register_section(agreements_section)
