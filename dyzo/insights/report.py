"""The yearly cooperation report as plain data: the one structure behind the command, the
web page, the API endpoint and every export format (see docs/cooperation-report.md)."""

from collections import Counter, defaultdict

from dyzo.agreements.constants import AgreementParty
from dyzo.insights.classification import MunicipalityForm, classify_year
from dyzo.insights.constants import COOPERATING, Category
from dyzo.insights.years import data_of_year
from dyzo.localgov.cache import cached_covering_map
from dyzo.localgov.query import first_of_january
from dyzo.outreach.models import DeclineReason

PARTIES = [AgreementParty.GEMEENTE, AgreementParty.OCMW, AgreementParty.BOTH]


def _counts(forms: list[MunicipalityForm]) -> dict:
    """The figures of one row of the province table (or of the total)."""
    categories = Counter(form.category for form in forms)
    parties = Counter(form.agreement_party for form in forms if form.agreement_party)
    row = {category.value: categories[category] for category in Category}
    row["cooperating"] = sum(categories[category] for category in COOPERATING)
    row["municipalities"] = len(forms)
    row["agreement_party"] = {party.value: parties[party] for party in PARTIES}
    return row


def _province_rows(forms: list[MunicipalityForm]) -> list[dict]:
    by_province = defaultdict(list)
    for form in forms:
        by_province[form.municipality.province.name].append(form)
    return [{"province": name, **_counts(by_province[name])} for name in sorted(by_province)]


def decline_reason_counts(year: int, covering: dict) -> list[dict]:
    """How many municipalities of the year gave each reason: once per municipality and
    reason, a former municipality's reason counting for its successor. One query."""
    pairs = DeclineReason.objects.filter(year=year).values_list("municipality__nis_code", "code")
    given = {
        (covering[nis_code].pk, code) for nis_code, code in pairs.distinct() if nis_code in covering
    }
    counts = Counter(code for _pk, code in given)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"reason": code, "count": count} for code, count in ordered]


def _municipality_row(form: MunicipalityForm) -> dict:
    municipality = form.municipality
    return {
        "nis_code": municipality.nis_code,
        "name": municipality.name,
        "province": municipality.province.name,
        "category": str(form.category),
        "agreement_party": form.agreement_party and str(form.agreement_party),
    }


def build_report(year: int) -> dict:
    """The report of `year` in the documented JSON shape. A fixed number of queries."""
    covering = cached_covering_map(first_of_january(year))
    forms = classify_year(year, covering=covering)
    return {
        "year": year,
        "data": data_of_year(year).as_dict(),
        "provinces": _province_rows(forms),
        "total": _counts(forms),
        "non_cooperation_reasons": decline_reason_counts(year, covering),
        "municipalities": [_municipality_row(form) for form in forms],
    }
