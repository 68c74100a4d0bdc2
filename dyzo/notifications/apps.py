from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "dyzo.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # The events of the existing apps register themselves on import.
        from dyzo.notifications import checks, events  # noqa: F401
