from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.privacy.constants import AnonymisationReason


class Anonymisation(models.Model):
    """That an entrepreneur's personal data was removed, when and why. Holds no personal
    data itself; its presence makes the anonymisation idempotent."""

    entrepreneur = models.OneToOneField(
        "dossiers.Entrepreneur",
        on_delete=models.CASCADE,
        related_name="anonymisation",
        verbose_name=_("entrepreneur"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=AnonymisationReason.choices)
    anonymised_at = models.DateTimeField(_("anonymised at"), auto_now_add=True)
    anonymised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("anonymised by"),
        help_text=_("Empty when the retention command did it."),
    )

    class Meta:
        verbose_name = _("anonymisation")
        verbose_name_plural = _("anonymisations")
        ordering = ["-anonymised_at", "-id"]
        permissions = [
            ("export_entrepreneur", _("Can export everything held about an entrepreneur")),
            ("erase_entrepreneur", _("Can erase (anonymise) an entrepreneur")),
        ]

    def __str__(self):
        return f"{self.entrepreneur_id} ({self.get_reason_display()})"
