from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "dyzo.audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from dyzo.audit.signals import connect_model_signals
        from dyzo.audit.sqlite import register_functions

        connection_created.connect(register_functions)
        connect_model_signals()
