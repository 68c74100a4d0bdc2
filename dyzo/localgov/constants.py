from django.db import models
from django.utils.translation import gettext_lazy as _


class PartyKind(models.TextChoices):
    """The two legal persons of a local government that can sign an agreement."""

    GEMEENTE = "gemeente", _("Gemeente")
    OCMW = "ocmw", _("OCMW")
