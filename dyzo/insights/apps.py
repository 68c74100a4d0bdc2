from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "dyzo.insights"
    verbose_name = _("Insights")

    def ready(self):
        from dyzo.insights.sections import cooperation_section
        from dyzo.localgov.sections import register_section

        register_section(cooperation_section)
