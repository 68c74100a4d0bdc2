from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierStatus(models.TextChoices):
    INTAKE = "intake", _("Intake")
    DATA_COLLECTION = "data_collection", _("Data collection")
    INVESTIGATION = "investigation", _("Investigation")
    REPORT_DRAFTING = "report_drafting", _("Report drafting")
    REPORT_DELIVERED = "report_delivered", _("Report delivered")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")

    @classmethod
    def open_values(cls) -> list[str]:
        return [cls.INTAKE, cls.DATA_COLLECTION, cls.INVESTIGATION, cls.REPORT_DRAFTING]

    @classmethod
    def report_writing_values(cls) -> list[str]:
        """The statuses in which the team may write the report."""
        return [cls.INVESTIGATION, cls.REPORT_DRAFTING]

    @classmethod
    def finished_values(cls) -> list[str]:
        return [cls.CLOSED, cls.CANCELLED]


class DossierBasis(models.TextChoices):
    """What pays for a dossier, derived at intake from the agreements in force."""

    SUBSCRIPTION = "subscription", _("Covered by an annual subscription")
    PER_CASE = "per_case", _("Billable per case")
    NOT_COVERED = "not_covered", _("Not covered by an agreement")


class BusinessPhase(models.TextChoices):
    STARTING = "starting", _("Starting up")
    ACTIVE = "active", _("Active")
    IN_DIFFICULTY = "in_difficulty", _("Active, in financial difficulty")
    WINDING_DOWN = "winding_down", _("Winding down")
    STOPPED = "stopped", _("Activity stopped")


class Outcome(models.TextChoices):
    BUSINESS_CONTINUED = "business_continued", _("Business continued")
    RESTRUCTURED = "restructured", _("Restructured")
    STOPPED = "stopped", _("Business stopped")
    BANKRUPTCY = "bankruptcy", _("Bankruptcy")
    COLLECTIVE_DEBT_SETTLEMENT = "collective_debt_settlement", _("Collective debt settlement")
    OCMW_SUPPORT_GRANTED = "ocmw_support_granted", _("OCMW support granted")
    OCMW_SUPPORT_REFUSED = "ocmw_support_refused", _("OCMW support refused")
    REFERRED_ELSEWHERE = "referred_elsewhere", _("Referred to another service")
    OTHER = "other", _("Other")


class AdviceChannel(models.TextChoices):
    PHONE = "phone", _("Phone")
    MAIL = "mail", _("E-mail")


class ActivityKind(models.TextChoices):
    VISIT = "visit", _("Visit")
    CALL = "call", _("Call")
    MEETING = "meeting", _("Meeting")


class TeamRole(models.TextChoices):
    """A team member's part in a dossier: the coordinator or an expertise."""

    COORDINATOR = "coordinator", _("Coordinator")
    LAWYER = "lawyer", _("Lawyer")
    ACCOUNTANT = "accountant", _("Accountant")
    ENTREPRENEUR = "entrepreneur", _("Experienced entrepreneur")


class DocumentKind(models.TextChoices):
    FINANCIAL_STATEMENTS = "financial_statements", _("Financial statements or accounts")
    TAX = "tax", _("Tax document")
    SOCIAL_SECURITY = "social_security", _("Social security document")
    DEBT_OVERVIEW = "debt_overview", _("Overview of debts")
    CONTRACT = "contract", _("Contract")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    PHOTO = "photo", _("Photo")
    OTHER = "other", _("Other")
