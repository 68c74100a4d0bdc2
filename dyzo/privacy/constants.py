from django.db import models
from django.utils.translation import gettext_lazy as _

# What an anonymised name reads as; the figures keep counting the row.
ANONYMOUS_NAME = "—"


class AnonymisationReason(models.TextChoices):
    RETENTION = "retention", _("Retention period ended")
    ERASURE = "erasure", _("Erasure requested")
