import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import CaseType
from dyzo.dossiers.constants import (
    ActivityKind,
    AdviceChannel,
    BusinessPhase,
    DocumentKind,
    DossierBasis,
    DossierStatus,
    Outcome,
    TeamRole,
)
from dyzo.dossiers.enterprise_number import format_enterprise_number
from dyzo.dossiers.query import (
    AdviceEntryQuerySet,
    DossierPartQuerySet,
    DossierQuerySet,
    EntrepreneurQuerySet,
    TeamMemberQuerySet,
)
from dyzo.localgov.constants import PartyKind
from dyzo.utils.choices import ChoiceLabels
from dyzo.utils.crypto_fields import EncryptedTextField
from dyzo.utils.validators import MINUTES_VALIDATORS, DateWindow

# Free text about people is encrypted at rest (docs/privacy.md); it cannot be searched.
PersonalTextField = EncryptedTextField

USER = settings.AUTH_USER_MODEL
NO_NATIONAL_NUMBER = _(
    "Dyzo does not record the national register number: Belgian law allows its use only "
    "with an authorisation Dyzo does not have."
)


class Entrepreneur(ChoiceLabels, models.Model):
    """The self-employed person Dyzo helps. Deliberately without national register number
    (see NO_NATIONAL_NUMBER)."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, db_index=True)
    date_of_birth = models.DateField(
        _("date of birth"), null=True, blank=True, validators=[DateWindow("birth")]
    )
    enterprise_number = models.CharField(
        _("enterprise number"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text=_("KBO number, for example 0403.170.701."),
    )
    legal_form = models.CharField(_("legal form"), max_length=100, blank=True)
    sector = models.CharField(_("sector"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="entrepreneurs",
        verbose_name=_("municipality"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    situation_notes = PersonalTextField(_("situation notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = EntrepreneurQuerySet.as_manager()

    class Meta:
        verbose_name = _("entrepreneur")
        verbose_name_plural = _("entrepreneurs")
        ordering = ["last_name", "first_name", "id"]
        indexes = [models.Index(fields=["last_name", "first_name", "id"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def enterprise_number_display(self) -> str:
        return format_enterprise_number(self.enterprise_number or "")


class AdviceEntry(ChoiceLabels, models.Model):
    """A question from municipal or OCMW staff answered at a distance (phone or mail)."""

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="advice_entries",
        verbose_name=_("municipality"),
    )
    party = models.CharField(
        _("party"),
        max_length=10,
        choices=PartyKind.choices,
        blank=True,
        help_text=_("Empty only on imported historical placeholders: the figures do not say."),
    )
    asked_by = models.CharField(_("asked by"), max_length=200, blank=True)
    asked_by_user = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_questions",
        verbose_name=_("asked by (user)"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=AdviceChannel.choices)
    topic = models.CharField(_("topic"), max_length=200)
    question = PersonalTextField(_("question"), blank=True)
    advice = PersonalTextField(_("advice given"), blank=True)
    minutes_spent = models.PositiveIntegerField(
        _("minutes spent"), default=0, validators=MINUTES_VALIDATORS
    )
    asked_on = models.DateField(
        _("asked on"),
        default=datetime.date.today,
        db_index=True,
        validators=[DateWindow("happened")],
    )
    handled_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="advice_given",
        verbose_name=_("handled by"),
    )
    imported_for_year = models.PositiveSmallIntegerField(
        _("imported for year"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set only by the historical cooperation import: a placeholder, no content."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AdviceEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("advice entry")
        verbose_name_plural = _("advice entries")
        ordering = ["-asked_on", "-id"]
        # The list's keyset order, alone and behind each filter it offers (the municipality;
        # the expert's own entries). See docs/performance.md.
        indexes = [
            models.Index(fields=["-asked_on", "-id"]),
            models.Index(fields=["municipality", "-asked_on", "-id"]),
            models.Index(fields=["handled_by", "-asked_on", "-id"]),
            # The yearly classification probes each municipality for import placeholders.
            # Almost every row has no import year, so SQLite's statistics priced the plain
            # imported_for_year index as useless and walked each municipality's advice
            # instead (1.3 s a classification at 2,000,000 entries): this index holds only
            # the placeholders.
            models.Index(
                fields=["imported_for_year", "municipality"],
                condition=models.Q(imported_for_year__isnull=False),
                name="advice_imported_by_year",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(party="") | models.Q(imported_for_year__isnull=False),
                name="adviceentry_party_unless_imported",
                violation_error_message=_("Choose the party that asked."),
            )
        ]

    def __str__(self):
        return f"{self.asked_on} {self.municipality.name}: {self.topic}"


class DossierCounter(models.Model):
    """The last dossier number handed out in a year; locked while a dossier is created so
    numbers stay gapless."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("dossier counter")
        verbose_name_plural = _("dossier counters")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class Dossier(ChoiceLabels, models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    case_type = models.CharField(_("type"), max_length=30, choices=CaseType.choices)
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("municipality"),
    )
    referring_party = models.CharField(
        _("referring party"), max_length=10, choices=PartyKind.choices
    )
    referring_worker = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referred_dossiers",
        verbose_name=_("referring worker"),
    )
    entrepreneur = models.ForeignKey(
        Entrepreneur,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("entrepreneur"),
    )
    phase = models.CharField(_("business phase"), max_length=20, choices=BusinessPhase.choices)
    help_request = PersonalTextField(_("help request"), blank=True)
    basis = models.CharField(
        _("basis"), max_length=20, choices=DossierBasis.choices, editable=False
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DossierStatus.choices,
        default=DossierStatus.INTAKE,
        editable=False,
    )
    status_changed_on = models.DateField(_("in this status since"), editable=False)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    opened_on = models.DateField(
        _("opened on"), default=datetime.date.today, validators=[DateWindow("happened")]
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True, editable=False)
    report_delivered_on = models.DateField(
        _("report delivered on"), null=True, blank=True, db_index=True, editable=False
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, editable=False, help_text=_("Raised on every save.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-id"]
        # The list is paginated on -id: each filter it offers has an index ending in -id, so
        # a filtered page is read in order from the index (docs/performance.md). The expert
        # filter goes through TeamMember's (user, -dossier) index.
        indexes = [
            models.Index(fields=["status", "-id"]),
            models.Index(fields=["case_type", "-id"]),
            models.Index(fields=["municipality", "-id"]),
            models.Index(fields=["year", "-id"]),
            # The list's sort by opening date, both directions (by reference and by status
            # use the unique (year, number) and the (status, -id) indexes).
            models.Index(fields=["opened_on", "id"], name="dossier_by_opened_on"),
            # The dashboard reads open dossiers only: partial indexes keep it proportional
            # to the open work, not to ten years of closed dossiers.
            models.Index(
                fields=["status_changed_on", "id"],
                condition=models.Q(status__in=DossierStatus.open_values()),
                name="dossier_open_by_status_since",
            ),
            models.Index(
                fields=["status", "opened_on"],
                condition=models.Q(status__in=DossierStatus.open_values()),
                name="dossier_open_by_opened_on",
            ),
            # The cooperation report's per-case municipalities of a year, read from the
            # index alone.
            models.Index(fields=["basis", "report_delivered_on", "municipality"]),
            # The portal's start page: a worker's reports of the last days; the yearly
            # classification's probe for a municipality's per-case reports of a year, read
            # from the index alone. And the year's dossiers per type, status and basis.
            models.Index(
                fields=["municipality", "report_delivered_on", "basis"],
                name="dossier_delivered_recently",
            ),
            models.Index(
                fields=["municipality", "year", "case_type", "status", "basis"],
                name="dossier_use_of_year",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="dossier_unique_number"),
        ]
        permissions = [
            ("manage_team", _("Can compose dossier teams")),
            ("view_dashboard", _("Can see the coordinator's dashboard")),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in DossierStatus.open_values()

    @property
    def is_finished(self) -> bool:
        return self.status in DossierStatus.finished_values()


class DossierStatusChange(models.Model):
    """One transition of a dossier: who moved it from where to where, and when."""

    dossier = models.ForeignKey(
        Dossier,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("dossier"),
    )
    from_status = models.CharField(
        _("from status"), max_length=20, choices=DossierStatus.choices, blank=True
    )
    to_status = models.CharField(_("to status"), max_length=20, choices=DossierStatus.choices)
    actor = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["dossier", "at", "id"]

    def __str__(self):
        return f"{self.dossier}: {self.from_status} -> {self.to_status}"


class TeamMember(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="team", verbose_name=_("dossier")
    )
    user = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="dossier_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=TeamRole.choices)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["dossier", "role", "id"]
        # A person's dossiers newest first: the expert's list and the expert filter.
        indexes = [models.Index(fields=["user", "-dossier"])]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "user"], name="teammember_unique_user"),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Activity(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="activities", verbose_name=_("dossier")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ActivityKind.choices)
    happened_on = models.DateField(_("date"), validators=[DateWindow("activity")])
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=MINUTES_VALIDATORS
    )
    travel_km = models.DecimalField(
        _("travel distance (km)"), max_digits=6, decimal_places=1, default=0
    )
    notes = PersonalTextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DossierPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["dossier", "-happened_on", "-id"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.happened_on}"


def document_path(document, filename: str) -> str:
    # The stored name never reuses the uploaded one: it may carry personal data.
    return f"dossiers/{document.dossier.year}/{document.dossier.reference}/{document.token}"


class Document(models.Model):
    dossier = models.ForeignKey(
        Dossier, on_delete=models.CASCADE, related_name="documents", verbose_name=_("dossier")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    token = models.CharField(_("storage name"), max_length=40, editable=False)
    original_name = models.CharField(_("original name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = DossierPartQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["dossier", "-uploaded_at", "-id"]

    def __str__(self):
        return self.original_name
