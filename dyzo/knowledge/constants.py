from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class GuideLanguage(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


# The most results a search shows: a reader refines the words rather than paging on.
SEARCH_LIMIT = 50


# The topics of the guides, as issue 10 names them: (code, Dutch name, English name).
TOPICS = [
    ("first-signals", "Eerste signalen van moeilijkheden", "First signals of trouble"),
    (
        "social-security",
        "Sociale zekerheid van zelfstandigen en overbruggingsrecht",
        "Social security of the self-employed and the bridging right",
    ),
    (
        "tax-and-contribution-debts",
        "Fiscale schulden en schulden aan sociale bijdragen",
        "Tax and social-contribution debts",
    ),
    ("collective-debt-settlement", "Collectieve schuldenregeling", "Collective debt settlement"),
    ("bankruptcy", "Faillissement en herstart", "Bankruptcy and a fresh start"),
    ("referral", "Wanneer doorverwijzen naar Dyzo", "When to refer to Dyzo"),
]


class TriageOutcome(models.TextChoices):
    """The three ends of the first-line triage (docs/knowledge.md)."""

    SELF = "self", _("Answer it yourself with the guides")
    ASK_DYZO = "ask_dyzo", _("Ask Dyzo by phone or e-mail")
    REFER = "refer", _("Refer a case to Dyzo")


class TriageQuestion(models.TextChoices):
    """The yes/no questions of the triage, in the order they are asked."""

    PROCEDURE = "procedure", _("Is there a summons, a seizure or a bankruptcy, or is one near?")
    SEVERAL_DEBTS = (
        "several_debts",
        _("Are there debts with more than one creditor (contributions, taxes, suppliers)?"),
    )
    VIABILITY = "viability", _("Does the entrepreneur doubt whether the business can go on?")
    GUIDE_ANSWERS = "guide_answers", _("Does one of the guides on this topic answer the question?")


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class EvaluationScore(models.IntegerChoices):
    VERY_POOR = 1, "1"
    POOR = 2, "2"
    FAIR = 3, "3"
    GOOD = 4, "4"
    VERY_GOOD = 5, "5"
