from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "dyzo.privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from dyzo.privacy import checks  # noqa: F401  (registers the system checks)
