from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementForm(models.TextChoices):
    """The two forms of cooperation an agreement can take."""

    ANNUAL = "annual_agreement", _("annual subscription")
    PAY_PER_CASE = "pay_per_case", _("pay per case")


class AgreementParty(models.TextChoices):
    """Who signs for the municipality: the gemeente, the OCMW or both."""

    GEMEENTE = "gemeente", _("Gemeente")
    OCMW = "ocmw", _("OCMW")
    BOTH = "both", _("Gemeente and OCMW")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PROPOSED = "proposed", _("proposed")
    SIGNED = "signed", _("signed")
    TERMINATED = "terminated", _("terminated")


class CaseType(models.TextChoices):
    """The kinds of case Dyzo handles that can be billed per case."""

    ENTERPRISE_SCAN = "enterprise_scan", _("enterprise scan")
    SOCIAL_PRE_INVESTIGATION = "social_pre_investigation", _("social pre-investigation")
