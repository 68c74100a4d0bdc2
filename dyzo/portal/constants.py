from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    """What a municipal worker asks Dyzo for: an on-site dossier of one of the two case
    types (the values equal dyzo.agreements.constants.CaseType) or advice at a distance."""

    ENTERPRISE_SCAN = "enterprise_scan", _("Enterprise scan (on site)")
    SOCIAL_PRE_INVESTIGATION = "social_pre_investigation", _("Social pre-investigation (on site)")
    REMOTE_ADVICE = "remote_advice", _("Question for phone or mail advice")

    @classmethod
    def dossier_values(cls) -> list[str]:
        return [cls.ENTERPRISE_SCAN, cls.SOCIAL_PRE_INVESTIGATION]


class RequestStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, waiting for Dyzo")
    TAKEN_UP = "taken_up", _("Taken up as a dossier")
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("Declined")


class AnswerChannel(models.TextChoices):
    """How the worker wants the advice; the same values as dyzo.dossiers AdviceChannel."""

    PHONE = "phone", _("Phone")
    MAIL = "mail", _("E-mail")
