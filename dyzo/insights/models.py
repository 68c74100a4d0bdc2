from django.db import models
from django.utils.translation import gettext_lazy as _


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
