from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailMode(models.TextChoices):
    """How a user wants to hear about notifications besides the app."""

    IMMEDIATELY = "immediately", _("An e-mail for each notification")
    DAILY = "daily", _("One e-mail a day with all new notifications")
    NEVER = "never", _("No e-mail, only in the app")


class Delivery(models.TextChoices):
    """Where a notification's e-mail stands."""

    NONE = "none", _("No e-mail")
    QUEUED = "queued", _("E-mail queued")
    DIGEST = "digest", _("Waiting for the daily digest")
    DIGESTED = "digested", _("Sent in a daily digest")
