from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BillingConfig(AppConfig):
    name = "dyzo.billing"
    verbose_name = _("Billing")

    def ready(self):
        from dyzo.billing import notifications  # noqa: F401  (registers the events)
