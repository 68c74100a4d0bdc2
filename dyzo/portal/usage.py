"""What the portal shows per municipality of a worker: agreements in force, the use of the
year against them and the year's category of cooperation. A fixed number of queries
however many municipalities the worker serves."""

import dataclasses
import datetime
from collections import defaultdict

from django.db.models import Count

from dyzo.agreements.access import visible_agreements
from dyzo.agreements.constants import CaseType
from dyzo.dossiers.constants import DossierBasis, DossierStatus
from dyzo.dossiers.models import AdviceEntry, Dossier
from dyzo.insights.classification import classify_municipalities
from dyzo.insights.constants import Category
from dyzo.insights.years import data_of_year
from dyzo.localgov.cache import cached_covering_map
from dyzo.localgov.models import Municipality


@dataclasses.dataclass
class MunicipalityUse:
    municipality: Municipality
    year: int
    agreements: list = dataclasses.field(default_factory=list)
    # {case_type: {status: count}} of this year's dossiers.
    dossiers: dict = dataclasses.field(default_factory=lambda: defaultdict(dict))
    # {basis: count}: what paid for this year's dossiers.
    bases: dict = dataclasses.field(default_factory=dict)
    advice_count: int = 0
    category: str | None = None

    @property
    def dossier_total(self) -> int:
        return sum(sum(statuses.values()) for statuses in self.dossiers.values())

    @property
    def category_label(self) -> str:
        return Category(self.category).label if self.category else ""

    @property
    def basis_rows(self) -> list[dict]:
        return [
            {"label": basis.label, "count": self.bases[basis]}
            for basis in DossierBasis
            if basis in self.bases
        ]

    @property
    def dossier_rows(self) -> list[dict]:
        return [
            {"case_type": CaseType(case_type).label, "status": status.label, "count": count}
            for case_type, statuses in sorted(self.dossiers.items())
            for status in DossierStatus
            if (count := statuses.get(status))
        ]


def municipalities_of(user) -> list[Municipality]:
    return list(
        Municipality.objects.filter(pk__in=user.municipality_ids())
        .select_related("province")
        .order_by("name")
    )


def use_of_year(user, year: int | None = None) -> list[MunicipalityUse]:
    """The portal overview for `user`'s municipalities, in the year `year` (default now)."""
    year = year or datetime.date.today().year
    uses = {m.pk: MunicipalityUse(municipality=m, year=year) for m in municipalities_of(user)}
    today = datetime.date.today()
    # A predecessor's agreement in force covers its successor (decisions/0005): list it
    # under the municipality that covers its area today.
    covering = cached_covering_map(today)
    for agreement in visible_agreements(user).in_force_on(today):
        municipality = covering.get(agreement.municipality.nis_code)
        if municipality is not None and municipality.pk in uses:
            uses[municipality.pk].agreements.append(agreement)
    # One grouped query, read from the index dossier_use_of_year alone.
    dossiers = Dossier.objects.visible_to(user).filter(municipality__in=uses, year=year)
    rows = dossiers.values("municipality", "case_type", "status", "basis")
    for row in rows.annotate(n=Count("*")).order_by():
        use = uses[row["municipality"]]
        statuses = use.dossiers[row["case_type"]]
        statuses[row["status"]] = statuses.get(row["status"], 0) + row["n"]
        use.bases[row["basis"]] = use.bases.get(row["basis"], 0) + row["n"]
    advice = AdviceEntry.objects.visible_to(user).given_in(year).filter(municipality__in=uses)
    for row in advice.values("municipality").annotate(n=Count("pk")).order_by():
        uses[row["municipality"]].advice_count = row["n"]
    if uses:
        # Without the year's cooperation data, "none" only means "nothing recorded".
        known = data_of_year(year).available
        municipalities = [use.municipality for use in uses.values()]
        for pk, form in classify_municipalities(municipalities, year).items():
            if pk in uses and (known or form.category != Category.NONE):
                uses[pk].category = form.category
    return list(uses.values())
