import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.localgov.constants import PartyKind
from dyzo.localgov.query import MunicipalityQuerySet


class Province(models.Model):
    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """A Flemish municipality for the period in which its NIS code stood for it.

    A municipality that merged into a new one gets a valid_to; the new one a valid_from.
    An empty valid_from means "before the registry's data begins" (1 January 2018).
    """

    nis_code = models.CharField(_("NIS code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=100, db_index=True)
    name_fr = models.CharField(_("French name"), max_length=100, blank=True)
    arrondissement = models.CharField(_("arrondissement"), max_length=100, blank=True)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("province"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["nis_code"]
        indexes = [
            models.Index(fields=["province", "nis_code"]),
            models.Index(fields=["valid_from", "valid_to"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_from__isnull=True)
                | models.Q(valid_to__isnull=True)
                | models.Q(valid_from__lte=models.F("valid_to")),
                name="municipality_valid_period",
                violation_error_message=_("A municipality cannot end before it starts."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.nis_code})"

    def existed_on(self, date: datetime.date) -> bool:
        started = self.valid_from is None or self.valid_from <= date
        return started and (self.valid_to is None or date <= self.valid_to)

    @property
    def is_current(self) -> bool:
        return self.existed_on(datetime.date.today())

    def choice_label(self) -> str:
        """The name as offered in a choice, with its code and validity: "Deinze (44011, until
        2018)". The last year is the one of valid_to (a merger takes effect on 1 January)."""
        if self.valid_to is not None:
            text = _("%(name)s (%(nis)s, until %(year)s)")
            year = self.valid_to.year
        elif self.valid_from is not None:
            text = _("%(name)s (%(nis)s, from %(year)s)")
            year = self.valid_from.year
        else:
            return str(self)
        return text % {"name": self.name, "nis": self.nis_code, "year": year}


class Party(models.Model):
    """The gemeente or the OCMW of a municipality: the two parties that can sign."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="parties",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=PartyKind.choices)

    class Meta:
        verbose_name = _("contracting party")
        verbose_name_plural = _("contracting parties")
        ordering = ["municipality__nis_code", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "kind"], name="party_unique_kind")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.municipality.name}"


class Merger(models.Model):
    """One former municipality going into its successor on a date."""

    effective_date = models.DateField(_("effective date"))
    predecessor = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="merged_into",
        verbose_name=_("predecessor"),
    )
    successor = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="merged_from",
        verbose_name=_("successor"),
    )

    class Meta:
        verbose_name = _("merger")
        verbose_name_plural = _("mergers")
        ordering = ["effective_date", "successor__nis_code", "predecessor__nis_code"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor"], name="merger_one_successor"),
        ]

    def __str__(self):
        return f"{self.predecessor.name} -> {self.successor.name} ({self.effective_date})"


class Population(models.Model):
    """Legal population on 1 January of a year (Statbel), where the data has it."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="populations",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    inhabitants = models.PositiveIntegerField(_("inhabitants"))

    class Meta:
        verbose_name = _("population")
        verbose_name_plural = _("populations")
        ordering = ["municipality__nis_code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="population_unique_year")
        ]

    def __str__(self):
        return f"{self.municipality.name} {self.year}: {self.inhabitants}"
