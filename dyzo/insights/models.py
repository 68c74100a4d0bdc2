from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.insights.constants import DataSource
from dyzo.utils.validators import DateWindow


class CooperationReport(models.Model):
    """No table: the yearly cooperation report is computed, never stored. The model only
    carries the permission to see it, so that roles can grant it like any other."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_cooperation_report", _("Can view the cooperation report"))]
        verbose_name = _("cooperation report")
        verbose_name_plural = _("cooperation reports")

    def __str__(self):
        return str(self._meta.verbose_name)


class CooperationData(models.Model):
    """Why a year's cooperation figures can be trusted: the year was imported from its
    historical figures (one row per imported year), or the app keeps every agreement,
    dossier and piece of advice from `kept_since` on (one row, for that year and all later
    ones). A year covered by neither has no data: its report says so and is compared with
    nothing."""

    source = models.CharField(_("source"), max_length=10, choices=DataSource.choices)
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The imported year; for the app, the year of its first day.")
    )
    kept_since = models.DateField(
        _("kept in the app since"),
        null=True,
        blank=True,
        validators=[DateWindow("happened")],
        help_text=_("Only for the app: from this day on every record is entered in the app."),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("cooperation data of a year")
        verbose_name_plural = _("cooperation data of the years")
        ordering = ["year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["source", "year"], name="cooperationdata_unique"),
            models.UniqueConstraint(
                fields=["source"],
                condition=models.Q(source="app"),
                name="cooperationdata_one_app_row",
            ),
            models.CheckConstraint(
                condition=(models.Q(source="app") & models.Q(kept_since__isnull=False))
                | (models.Q(source="imported") & models.Q(kept_since__isnull=True)),
                name="cooperationdata_kept_since_for_app_only",
                violation_error_message=_(
                    "Only a year kept in the app has a day since which it is kept."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.get_source_display()}"
