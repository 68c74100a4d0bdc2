from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "dyzo.knowledge"
    verbose_name = _("Knowledge transfer")

    def ready(self):
        from dyzo.knowledge import notifications  # noqa: F401  (registers the events)
