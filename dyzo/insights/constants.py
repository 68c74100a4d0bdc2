from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Category(models.TextChoices):
    """A municipality's form of cooperation in a year, in order of precedence."""

    ANNUAL_AGREEMENT = "annual_agreement", _("Annual agreement")
    PAY_PER_CASE = "pay_per_case", _("Pay per case")
    REMOTE_ONLY = "remote_only", _("Phone/mail only")
    NONE = "none", _("None")


# The categories that count as cooperating: every one before NONE.
COOPERATING = (Category.ANNUAL_AGREEMENT, Category.PAY_PER_CASE, Category.REMOTE_ONLY)

# Colours shared by the web chart, the map and the PDF (colour-blind safe, Okabe-Ito).
CATEGORY_COLOURS = {
    Category.ANNUAL_AGREEMENT: "#0072B2",
    Category.PAY_PER_CASE: "#E69F00",
    Category.REMOTE_ONLY: "#009E73",
    Category.NONE: "#D9D9D9",
}


class ReportFormat(models.TextChoices):
    JSON = "json", "JSON"
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"
    PDF = "pdf", "PDF"


# The registry's data begins on 1 January 2018: there is no earlier set of municipalities.
FIRST_YEAR = 2018

# Strings of this app in the shared navigation and home page, kept in this app's catalog.
SHARED_TEMPLATE_STRINGS = [
    gettext_noop("Cooperation report"),
    gettext_noop(
        "Who works with Dyzo in a year, in which form, per province: tables, chart, map and "
        "downloads."
    ),
]


class DataSource(models.TextChoices):
    """Where the cooperation records of a year come from (docs/cooperation-report.md)."""

    IMPORTED = "imported", _("Imported from the year's figures")
    APP = "app", _("Kept in the app")
