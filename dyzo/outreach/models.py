from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.query import ContactQuerySet, DeclineReasonQuerySet
from dyzo.utils.validators import COOPERATION_YEAR_VALIDATORS, DateWindow


class Contact(models.Model):
    """A contact moment between a Dyzo coordinator and a municipality."""

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ContactKind.choices)
    happened_on = models.DateField(_("date"), validators=[DateWindow("happened")])
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("coordinator"),
    )
    with_whom = models.CharField(
        _("with whom"),
        max_length=200,
        blank=True,
        help_text=_("Who at the municipality: name and function."),
    )
    notes = models.TextField(_("notes"), blank=True)
    follow_up_on = models.DateField(
        _("follow up on"),
        null=True,
        blank=True,
        db_index=True,
        validators=[DateWindow("follow_up")],
    )
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-happened_on", "-id"]
        indexes = [
            models.Index(fields=["municipality", "happened_on"]),
            models.Index(fields=["happened_on", "id"]),
        ]
        permissions = [("view_contact_notes", _("Can read the notes of contacts"))]

    def __str__(self):
        return f"{self.get_kind_display()} {self.municipality.name} {self.happened_on}"


class DeclineReason(models.Model):
    """One reason why a municipality did not cooperate with Dyzo in a year; several per
    municipality and year are allowed."""

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="decline_reasons",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), db_index=True, validators=COOPERATION_YEAR_VALIDATORS
    )
    code = models.CharField(_("reason"), max_length=30, choices=DeclineReasonCode.choices)
    text = models.CharField(
        _("explanation"), max_length=300, blank=True, help_text=_("Required for 'other'.")
    )
    imported = models.BooleanField(
        _("imported"), default=False, help_text=_("Created by the historical import.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DeclineReasonQuerySet.as_manager()

    class Meta:
        verbose_name = _("decline reason")
        verbose_name_plural = _("decline reasons")
        ordering = ["-year", "municipality__nis_code", "code", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "code", "text"],
                name="declinereason_unique",
            ),
            models.CheckConstraint(
                condition=~models.Q(code=DeclineReasonCode.OTHER) | ~models.Q(text=""),
                name="declinereason_other_has_text",
                violation_error_message=_("Explain the reason 'other'."),
            ),
        ]

    def __str__(self):
        return f"{self.municipality.name} {self.year}: {self.get_code_display()}"
