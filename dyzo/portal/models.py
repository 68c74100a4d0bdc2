from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.dossiers.constants import BusinessPhase
from dyzo.dossiers.enterprise_number import format_enterprise_number
from dyzo.localgov.constants import PartyKind
from dyzo.portal.constants import AnswerChannel, RequestKind, RequestStatus
from dyzo.portal.query import HelpRequestQuerySet
from dyzo.utils.choices import ChoiceLabels
from dyzo.utils.crypto_fields import EncryptedTextField

USER = settings.AUTH_USER_MODEL


class HelpRequest(ChoiceLabels, models.Model):
    """A help request a municipal worker submitted in the portal, waiting for Dyzo.

    A coordinator takes it up: an on-site request becomes a dossier intake, a question
    becomes a phone/mail advice entry (through the dossiers app's services). The
    entrepreneur's data is kept minimal: a name, an optional enterprise number, the phase.
    """

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="help_requests",
        verbose_name=_("municipality"),
    )
    party = models.CharField(_("on behalf of"), max_length=10, choices=PartyKind.choices)
    submitted_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="help_requests", verbose_name=_("submitted by")
    )
    kind = models.CharField(_("what is asked"), max_length=30, choices=RequestKind.choices)
    entrepreneur_first_name = models.CharField(
        _("entrepreneur's first name"), max_length=100, blank=True
    )
    entrepreneur_last_name = models.CharField(
        _("entrepreneur's last name"), max_length=100, blank=True
    )
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=10,
        blank=True,
        help_text=_("KBO number, for example 0403.170.701."),
    )
    phase = models.CharField(
        _("business phase"), max_length=20, choices=BusinessPhase.choices, blank=True
    )
    question = EncryptedTextField(
        _("help request"), help_text=_("What is going on and what you expect from Dyzo.")
    )
    answer_channel = models.CharField(
        _("answer by"), max_length=10, choices=AnswerChannel.choices, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RequestStatus.choices,
        default=RequestStatus.SUBMITTED,
        db_index=True,
    )
    dossier = models.OneToOneField(
        "dossiers.Dossier",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_request_origin",
        verbose_name=_("dossier"),
    )
    advice_entry = models.OneToOneField(
        "dossiers.AdviceEntry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="help_request_origin",
        verbose_name=_("advice entry"),
    )
    handled_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True, db_index=True)

    objects = HelpRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["municipality", "-id"]),
            # The request list's sort by status (both ways) and its waiting filter.
            models.Index(fields=["status", "-id"], name="help_request_by_status"),
        ]
        permissions = [("handle_helprequest", _("Can take up and decline help requests"))]

    def __str__(self):
        return str(_("Help request #%(pk)s") % {"pk": self.pk})

    @property
    def audit_repr(self) -> str:
        return f"help request #{self.pk}"

    @property
    def is_for_dossier(self) -> bool:
        return self.kind in RequestKind.dossier_values()

    @property
    def is_waiting(self) -> bool:
        return self.status == RequestStatus.SUBMITTED

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number)
