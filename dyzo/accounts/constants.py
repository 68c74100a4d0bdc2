from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    EXPERT = "expert", _("Expert")
    MUNICIPAL_WORKER = "municipal_worker", _("Municipal worker")
    ANALYST = "analyst", _("Analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


class Expertise(models.TextChoices):
    LAWYER = "lawyer", _("Lawyer")
    ACCOUNTANT = "accountant", _("Accountant")
    ENTREPRENEUR = "entrepreneur", _("Experienced entrepreneur")
