from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "dyzo.outreach"
    verbose_name = _("Outreach")

    def ready(self):
        from dyzo.localgov.sections import register_section
        from dyzo.outreach.sections import outreach_section

        register_section(outreach_section)
