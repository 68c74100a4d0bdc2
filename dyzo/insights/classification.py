"""A municipality's form of cooperation in a year: the one implementation of the rule.

The rule is written out in docs/cooperation-rule.md. Every report, page and export asks this
module; nothing else decides a category.
"""

import dataclasses
import functools
from collections import defaultdict
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Exists, IntegerField, OuterRef, Q, Value

from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement
from dyzo.dossiers.models import AdviceEntry, Dossier
from dyzo.insights.constants import Category
from dyzo.localgov.cache import cached_covering_map
from dyzo.localgov.models import Municipality
from dyzo.localgov.query import first_of_january


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


def _agreements_in_force(year: int, only: tuple[str, ...] | None):
    """(NIS code, form, party) of the agreements in force during `year`, once each."""
    # order_by(): the model's ordering would join the DISTINCT and return every row.
    return (
        Agreement.objects.in_force_during(year)
        .filter(Q() if only is None else Q(municipality__nis_code__in=only))
        .values_list("municipality__nis_code", "form", "party")
        .order_by()
        .distinct()
    )


def _probes(year: int, only: tuple[str, ...] | None):
    """(NIS code, has per-case reports, has advice) of every registry code in `year`."""
    advice = AdviceEntry.objects.given_in_parts(year)
    return (
        Municipality.objects.filter(Q() if only is None else Q(nis_code__in=only))
        .annotate(
            per_case=_has_any(Dossier.objects.per_case_delivered_in(year)),
            remote=reduce(or_, map(_has_any, advice)),
        )
        .values_list("nis_code", "per_case", "remote")
    )


@functools.lru_cache(maxsize=256)
def _sql(build, year: int, only: tuple[str, ...] | None, vendor: str):
    return build(year, only).query.sql_with_params()


def _rows(build, year: int, only: tuple[str, ...] | None) -> list[tuple]:
    """The rows of the queryset `build(year, only)`. Its SQL is made by the ORM once per
    process: building and compiling these queries cost more than running them on SQLite
    (docs/performance.md). The SQL depends on the year and the codes only, not on data."""
    sql, params = _sql(build, year, only, connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _collect(year: int, covering: dict[str, Municipality], *, only=None) -> _Evidence:
    """Two queries, each aggregated in the database: the agreements in force (DISTINCT),
    and one row per registry code with two probes (per-case reports, advice). A record of a
    former municipality counts for the municipality covering it on 1 January. `only` (a
    few NIS codes) restricts both to the records of those codes."""
    evidence = _Evidence()
    only = None if only is None else tuple(sorted(only))
    for nis_code, form, party in _rows(_agreements_in_force, year, only):
        if municipality := covering.get(nis_code):
            if form == AgreementForm.ANNUAL:
                evidence.annual_parties[municipality.pk].add(party)
            else:
                evidence.pay_per_case.add(municipality.pk)
    for code, per_case, remote in _rows(_probes, year, only):
        if (municipality := covering.get(code)) is None:
            continue
        if per_case:
            evidence.pay_per_case.add(municipality.pk)
        if remote:
            evidence.remote.add(municipality.pk)
    return evidence


def _has_any(records) -> Exists:
    """Whether the municipality has one of `records`: a probe that stops at the first row of
    the records' (municipality, date) index, instead of reading a whole year of them."""
    return Exists(records.filter(municipality=OuterRef("pk")))


def municipalities_of_year(covering: dict[str, Municipality]) -> list[Municipality]:
    """The municipalities that existed on 1 January (the same set as
    Municipality.objects.of_year), taken from the covering map to spare a query."""
    unique = {municipality.pk: municipality for municipality in covering.values()}
    return sorted(unique.values(), key=lambda municipality: municipality.nis_code)


def classify_year(
    year: int, *, covering: dict[str, Municipality] | None = None
) -> list[MunicipalityForm]:
    """Every municipality existing on 1 January of `year`, once, with its category, sorted by
    NIS code. Two queries whatever the number of municipalities or records, plus two
    when the year's registry is not in memory yet (dyzo.localgov.cache)."""
    if covering is None:
        covering = cached_covering_map(first_of_january(year))
    evidence = _collect(year, covering)
    return [evidence.form_of(municipality) for municipality in municipalities_of_year(covering)]


def classify_municipalities(municipalities, year: int) -> dict[int, MunicipalityForm]:
    """`classify_year` for a few municipalities only, by primary key (those that existed on
    1 January of `year`): two queries that probe only the records of the codes they cover,
    for a page that shows a worker's own municipalities."""
    wanted = {municipality.pk for municipality in municipalities}
    covering = {
        code: covering_one
        for code, covering_one in cached_covering_map(first_of_january(year)).items()
        if covering_one.pk in wanted
    }
    if not covering:
        return {}
    evidence = _collect(year, covering, only=list(covering))
    return {
        municipality.pk: evidence.form_of(municipality)
        for municipality in municipalities_of_year(covering)
    }


def form_of(municipality: Municipality, year: int) -> MunicipalityForm | None:
    """The form of one municipality in `year`; None when it did not exist on 1 January."""
    forms = forms_through_the_years(municipality, [year])
    return forms[0][1] if forms else None


def category_of(municipality: Municipality, year: int) -> str | None:
    """The category (a Category value) of one municipality in `year`, or None."""
    form = form_of(municipality, year)
    return form.category if form else None


def forms_through_the_years(
    municipality: Municipality, years
) -> list[tuple[int, MunicipalityForm]]:
    """The municipality's form in each of `years` in which it existed on 1 January, by the
    same rule as the yearly report. Two queries however many years, municipalities or
    records (plus the registry of each year not in memory yet): only the records of the
    codes this municipality covered are probed."""
    years = [year for year in years if municipality.existed_on(first_of_january(year))]
    codes = {year: _codes_covered_by(municipality, year) for year in years}
    if not years:
        return []
    evidence = {year: _Evidence() for year in years}
    for year, form, party in _agreements_of(codes):
        if form == AgreementForm.ANNUAL:
            evidence[year].annual_parties[municipality.pk].add(party)
        else:
            evidence[year].pay_per_case.add(municipality.pk)
    for year, per_case, remote in _probes_of(codes):
        if per_case:
            evidence[year].pay_per_case.add(municipality.pk)
        if remote:
            evidence[year].remote.add(municipality.pk)
    return [(year, evidence[year].form_of(municipality)) for year in years]


def _codes_covered_by(municipality: Municipality, year: int) -> list[str]:
    covering = cached_covering_map(first_of_january(year))
    return [code for code, covering_one in covering.items() if covering_one.pk == municipality.pk]


def _agreements_of(codes: dict[int, list[str]]):
    """(year, form, party) of the agreements in force in each year for the codes covered
    that year: one UNION query of the same queryset method the yearly report uses."""
    per_year = [
        Agreement.objects.in_force_during(year)
        .filter(municipality__nis_code__in=year_codes)
        .annotate(report_year=Value(year, output_field=IntegerField()))
        .order_by()
        .values_list("report_year", "form", "party")
        for year, year_codes in codes.items()
    ]
    return per_year[0].union(*per_year[1:])


def _probes_of(codes: dict[int, list[str]]):
    """(year, has per-case dossiers, has advice) per year: one query over the few registry
    rows of the codes, probing the records through their (municipality, date) indexes."""
    probes = {}
    for year in codes:
        advice = AdviceEntry.objects.given_in_parts(year)
        probes[f"per_case_{year}"] = _has_any(Dossier.objects.per_case_delivered_in(year))
        probes[f"remote_{year}"] = reduce(or_, map(_has_any, advice))
    every_code = {code for year_codes in codes.values() for code in year_codes}
    rows = list(
        Municipality.objects.filter(nis_code__in=every_code)
        .annotate(**probes)
        .values("nis_code", *probes)
    )
    for year, year_codes in codes.items():
        mine = [row for row in rows if row["nis_code"] in year_codes]
        yield (
            year,
            any(row[f"per_case_{year}"] for row in mine),
            any(row[f"remote_{year}"] for row in mine),
        )
