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
