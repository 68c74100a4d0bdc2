import json

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.reports.constants import SECTIONS_BY_CASE_TYPE, ReportStatus
from dyzo.reports.query import ReportVersionQuerySet, WrittenReportQuerySet
from dyzo.utils.crypto_fields import EncryptedTextField
from dyzo.utils.validators import COUNTER_VALIDATORS

USER = settings.AUTH_USER_MODEL
# Free text about people is encrypted at rest (docs/privacy.md); it cannot be searched.
PersonalTextField = EncryptedTextField


def report_pdf_path(report, filename: str) -> str:
    return f"reports/{report.dossier.year}/{report.dossier.reference}.pdf"


class WrittenReport(models.Model):
    """The written report of one dossier: drafted in versions, approved, delivered as PDF."""

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        on_delete=models.CASCADE,
        related_name="report",
        verbose_name=_("dossier"),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ReportStatus.choices,
        default=ReportStatus.DRAFT,
    )
    approved_version = models.ForeignKey(
        "reports.ReportVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved version"),
    )
    approved_by = models.ForeignKey(
        USER,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    self_approved = models.BooleanField(
        _("self-approved"),
        default=False,
        help_text=_("The coordinator who approved the report also wrote a version of it."),
    )
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=report_pdf_path, blank=True, max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = WrittenReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("written report")
        verbose_name_plural = _("written reports")
        ordering = ["-id"]
        # The report list: delivered reports, newest first (docs/performance.md).
        indexes = [models.Index(fields=["status", "-delivered_at", "-id"])]
        permissions = [
            ("approve_writtenreport", _("Can approve and deliver written reports")),
        ]

    def __str__(self):
        return str(_("Report %(reference)s") % {"reference": self.dossier.reference})

    @property
    def section_keys(self) -> list[str]:
        return SECTIONS_BY_CASE_TYPE[self.dossier.case_type]


class ReportVersion(models.Model):
    """One saved state of the report's sections. Saving never overwrites: it adds a version."""

    report = models.ForeignKey(
        WrittenReport,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("report"),
    )
    number = models.PositiveIntegerField(_("number"), validators=COUNTER_VALIDATORS)
    content = PersonalTextField(
        _("sections"), help_text=_("The section texts as JSON, keyed by section.")
    )
    author = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ReportVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reportversion_unique"),
        ]

    def __str__(self):
        return f"{self.report} v{self.number}"

    @property
    def sections(self) -> dict[str, str]:
        return json.loads(self.content or "{}")
