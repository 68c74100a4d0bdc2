"""A municipality's form of cooperation in a year: the one implementation of the rule.

The rule is written out in docs/cooperation-rule.md. Every report, page and export asks this
module; nothing else decides a category.
"""

import dataclasses
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement
from dyzo.dossiers.models import AdviceEntry, Dossier
from dyzo.insights.constants import Category
from dyzo.localgov.models import Municipality
from dyzo.localgov.query import first_of_january
from dyzo.localgov.registry import covering_map


@dataclasses.dataclass(frozen=True)
class MunicipalityForm:
    """One municipality of the year with its category; `agreement_party` (gemeente, ocmw or
    both) is set only for the annual agreement category."""

    municipality: Municipality
    category: str
    agreement_party: str | None = None


@dataclasses.dataclass
class _Evidence:
    """What the records of a year say, per municipality of that year (by primary key)."""

    annual_parties: dict[int, set[str]] = dataclasses.field(
        default_factory=lambda: defaultdict(set)
    )
    pay_per_case: set[int] = dataclasses.field(default_factory=set)
    remote: set[int] = dataclasses.field(default_factory=set)

    def form_of(self, municipality: Municipality) -> MunicipalityForm:
        pk = municipality.pk
        if pk in self.annual_parties:
            party = _combined_party(self.annual_parties[pk])
            return MunicipalityForm(municipality, Category.ANNUAL_AGREEMENT, party)
        if pk in self.pay_per_case:
            return MunicipalityForm(municipality, Category.PAY_PER_CASE)
        if pk in self.remote:
            return MunicipalityForm(municipality, Category.REMOTE_ONLY)
        return MunicipalityForm(municipality, Category.NONE)


def _combined_party(parties: set[str]) -> str:
    """Several subscriptions with different parties together bind both."""
    if len(parties) == 1:
        return next(iter(parties))
    return AgreementParty.BOTH


def _collect(year: int, covering: dict[str, Municipality]) -> _Evidence:
    """Three queries, each aggregated (DISTINCT) in the database; a record of a former
    municipality counts for the municipality covering it on 1 January."""
    evidence = _Evidence()
    # order_by(): the model's ordering would join the DISTINCT and return every row.
    agreements = (
        Agreement.objects.in_force_during(year)
        .values_list("municipality__nis_code", "form", "party")
        .order_by()
        .distinct()
    )
    for nis_code, form, party in agreements:
        if municipality := covering.get(nis_code):
            if form == AgreementForm.ANNUAL:
                evidence.annual_parties[municipality.pk].add(party)
            else:
                evidence.pay_per_case.add(municipality.pk)
    dossiers = Dossier.objects.per_case_delivered_in(year).order_by().values("municipality_id")
    evidence.pay_per_case |= _covered(Q(pk__in=dossiers), covering)
    advice = AdviceEntry.objects.given_in_parts(year)
    evidence.remote |= _covered(reduce(or_, map(_has_any, advice)), covering)
    return evidence


def _has_any(records) -> Exists:
    """Whether the municipality has one of `records`: a probe that stops at the first row of
    the records' (municipality, date) index, instead of reading a whole year of them."""
    return Exists(records.filter(municipality=OuterRef("pk")))


def _covered(condition, covering: dict[str, Municipality]) -> set[int]:
    """The municipalities covering those that meet `condition` (one query over the registry;
    the records are only probed, see docs/performance.md)."""
    codes = Municipality.objects.filter(condition).values_list("nis_code", flat=True)
    return {covering[code].pk for code in codes if code in covering}


def municipalities_of_year(covering: dict[str, Municipality]) -> list[Municipality]:
    """The municipalities that existed on 1 January (the same set as
    Municipality.objects.of_year), taken from the covering map to spare a query."""
    unique = {municipality.pk: municipality for municipality in covering.values()}
    return sorted(unique.values(), key=lambda municipality: municipality.nis_code)


def classify_year(
    year: int, *, covering: dict[str, Municipality] | None = None
) -> list[MunicipalityForm]:
    """Every municipality existing on 1 January of `year`, once, with its category, sorted by
    NIS code. Five queries (three when the caller passes the year's `covering_map`),
    whatever the number of municipalities or records."""
    if covering is None:
        covering = covering_map(first_of_january(year))
    evidence = _collect(year, covering)
    return [evidence.form_of(municipality) for municipality in municipalities_of_year(covering)]


def form_of(municipality: Municipality, year: int) -> MunicipalityForm | None:
    """The form of one municipality in `year`; None when it did not exist on 1 January."""
    for form in classify_year(year):
        if form.municipality.pk == municipality.pk:
            return form
    return None


def category_of(municipality: Municipality, year: int) -> str | None:
    """The category (a Category value) of one municipality in `year`, or None."""
    form = form_of(municipality, year)
    return form.category if form else None


def forms_through_the_years(
    municipality: Municipality, years
) -> list[tuple[int, MunicipalityForm]]:
    """The municipality's form in each of `years` in which it existed on 1 January, by the
    same rule as the yearly report (five queries a year, whatever the number of records)."""
    forms = ((year, form_of(municipality, year)) for year in years)
    return [(year, form) for year, form in forms if form is not None]
