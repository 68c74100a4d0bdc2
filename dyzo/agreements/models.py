import datetime
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus, CaseType
from dyzo.agreements.query import AgreementQuerySet, TariffScheduleQuerySet
from dyzo.agreements.validators import validate_pdf
from dyzo.utils.choices import ChoiceLabels
from dyzo.utils.validators import (
    COOPERATION_YEAR_VALIDATORS,
    POPULATION_VALIDATORS,
    DateWindow,
)

MONEY = {"max_digits": 10, "decimal_places": 2}


class Agreement(ChoiceLabels, models.Model):
    """A cooperation agreement between Dyzo and the gemeente, the OCMW or both of a
    municipality, as an annual subscription or as cooperation paid per case."""

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("municipality"),
    )
    party = models.CharField(_("party"), max_length=10, choices=AgreementParty.choices)
    form = models.CharField(_("form"), max_length=20, choices=AgreementForm.choices)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=AgreementStatus.choices,
        default=AgreementStatus.DRAFT,
    )
    starts_on = models.DateField(_("starts on"), validators=[DateWindow("agreement")])
    ends_on = models.DateField(
        _("ends on"),
        null=True,
        blank=True,
        help_text=_("Empty: until further notice."),
        validators=[DateWindow("agreement")],
    )
    signed_on = models.DateField(
        _("signed on"), null=True, blank=True, validators=[DateWindow("happened")]
    )
    annual_fee = models.DecimalField(
        _("annual fee"), **MONEY, null=True, blank=True, help_text=_("For a subscription.")
    )
    fee_enterprise_scan = models.DecimalField(
        _("fee per enterprise scan"), **MONEY, null=True, blank=True
    )
    fee_social_pre_investigation = models.DecimalField(
        _("fee per social pre-investigation"), **MONEY, null=True, blank=True
    )
    document = models.FileField(
        _("signed document"),
        upload_to="agreements/%Y/",
        blank=True,
        validators=[validate_pdf],
        help_text=_("The signed agreement as a PDF file."),
    )
    notes = models.TextField(_("notes"), blank=True)
    imported_for_year = models.PositiveSmallIntegerField(
        _("imported for year"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Set only by the historical import of a year's cooperation figures."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["municipality", "starts_on"]),
            models.Index(fields=["status", "form"]),
            models.Index(fields=["starts_on", "id"]),
        ]
        permissions = [("sign_agreement", _("Can sign and terminate agreements"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_valid_period",
                violation_error_message=_("An agreement cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.get_form_display()} {self.municipality.name} ({self.starts_on:%Y})"

    @property
    def is_signed(self) -> bool:
        """Signed, possibly terminated since: the terms are fixed."""
        return self.status in (AgreementStatus.SIGNED, AgreementStatus.TERMINATED)

    @property
    def is_draft(self) -> bool:
        return self.status == AgreementStatus.DRAFT

    @property
    def can_be_terminated(self) -> bool:
        return self.status == AgreementStatus.SIGNED

    @property
    def is_annual(self) -> bool:
        return self.form == AgreementForm.ANNUAL

    def is_in_force_on(self, date: datetime.date) -> bool:
        started = self.starts_on <= date
        return self.is_signed and started and (self.ends_on is None or date <= self.ends_on)

    def price_for_case(self, case_type: str) -> Decimal | None:
        """What one case of `case_type` costs under this agreement: nothing extra under a
        subscription, the agreed fee when paid per case (None when no fee was agreed)."""
        if self.form == AgreementForm.ANNUAL:
            return Decimal("0.00")
        return {
            CaseType.ENTERPRISE_SCAN: self.fee_enterprise_scan,
            CaseType.SOCIAL_PRE_INVESTIGATION: self.fee_social_pre_investigation,
        }[case_type]


class TariffSchedule(models.Model):
    """The prices of one year: a subscription price per population bracket and a price per
    case type."""

    year = models.PositiveSmallIntegerField(
        _("year"), unique=True, validators=COOPERATION_YEAR_VALIDATORS
    )
    price_enterprise_scan = models.DecimalField(_("price per enterprise scan"), **MONEY)
    price_social_pre_investigation = models.DecimalField(
        _("price per social pre-investigation"), **MONEY
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = TariffScheduleQuerySet.as_manager()

    class Meta:
        verbose_name = _("tariff schedule")
        verbose_name_plural = _("tariff schedules")
        ordering = ["-year"]

    def __str__(self):
        return str(_("Tariffs %(year)s") % {"year": self.year})

    def bracket_for(self, population: int):
        """The bracket containing `population` (from the prefetched brackets when present)."""
        for bracket in self.brackets.all():
            if bracket.contains(population):
                return bracket
        return None

    def subscription_price_for(self, population: int | None) -> Decimal | None:
        if population is None:
            return None
        bracket = self.bracket_for(population)
        return bracket.annual_price if bracket else None

    def price_for_case(self, case_type: str) -> Decimal:
        return {
            CaseType.ENTERPRISE_SCAN: self.price_enterprise_scan,
            CaseType.SOCIAL_PRE_INVESTIGATION: self.price_social_pre_investigation,
        }[case_type]


class TariffBracket(models.Model):
    """Inhabitants from `population_from` up to and including `population_to` pay
    `annual_price` for a subscription; an empty upper bound is open-ended."""

    schedule = models.ForeignKey(
        TariffSchedule,
        on_delete=models.CASCADE,
        related_name="brackets",
        verbose_name=_("tariff schedule"),
    )
    population_from = models.PositiveIntegerField(
        _("population from"), validators=POPULATION_VALIDATORS
    )
    population_to = models.PositiveIntegerField(
        _("population to"),
        null=True,
        blank=True,
        validators=POPULATION_VALIDATORS,
        help_text=_("Empty: no upper limit."),
    )
    annual_price = models.DecimalField(_("annual price"), **MONEY)

    class Meta:
        verbose_name = _("tariff bracket")
        verbose_name_plural = _("tariff brackets")
        ordering = ["schedule", "population_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "population_from"], name="tariffbracket_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(population_to__isnull=True)
                | models.Q(population_to__gte=models.F("population_from")),
                name="tariffbracket_valid_range",
                violation_error_message=_("A bracket cannot end below its start."),
            ),
        ]

    def __str__(self):
        upper = self.population_to if self.population_to is not None else "…"
        return f"{self.population_from}-{upper}: {self.annual_price}"

    def contains(self, population: int) -> bool:
        above = self.population_from <= population
        return above and (self.population_to is None or population <= self.population_to)
