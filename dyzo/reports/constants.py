from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import CaseType


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    DELIVERED = "delivered", _("Delivered")


class ReportSection(models.TextChoices):
    # Enterprise scan
    SITUATION = "situation", _("Situation")
    FINANCIAL_ANALYSIS = "financial_analysis", _("Financial analysis")
    LEGAL_ANALYSIS = "legal_analysis", _("Legal analysis")
    RECOMMENDATIONS = "recommendations", _("Recommendations")
    # Social pre-investigation
    HOUSEHOLD_AND_INCOME = "household_and_income", _("Household and income")
    DEBTS = "debts", _("Debts")
    SOCIAL_SECURITY = "social_security", _("Social-security status")
    ASSESSMENT = "assessment", _("Assessment")
    ADVICE_TO_OCMW = "advice_to_ocmw", _("Advice to the OCMW")


SECTIONS_BY_CASE_TYPE: dict[str, list[str]] = {
    CaseType.ENTERPRISE_SCAN: [
        ReportSection.SITUATION,
        ReportSection.FINANCIAL_ANALYSIS,
        ReportSection.LEGAL_ANALYSIS,
        ReportSection.RECOMMENDATIONS,
    ],
    CaseType.SOCIAL_PRE_INVESTIGATION: [
        ReportSection.HOUSEHOLD_AND_INCOME,
        ReportSection.DEBTS,
        ReportSection.SOCIAL_SECURITY,
        ReportSection.ASSESSMENT,
        ReportSection.ADVICE_TO_OCMW,
    ],
}
