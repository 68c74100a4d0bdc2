"""What is billed for a year (docs/billing.md). Plain data: the command and the demo issue
it, tests read it.

- A signed annual agreement produces one line per year it is in force: its annual fee, pro
  rata by days when it starts or ends within the year.
- A per-case dossier produces one line in the year its report is delivered: the fee its
  agreement sets for the case type, else the tariff of the delivery year. Cancelled and
  covered dossiers never (their basis says so, decided at intake by the dossiers app).
- Every line has a billing key; a key that was billed before is left out, so running the
  routine again bills nothing twice.
"""

import dataclasses
import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement, TariffSchedule
from dyzo.billing.models import InvoiceLine
from dyzo.billing.services import money
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import Dossier
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party
from dyzo.localgov.registry import covering_municipality


@dataclasses.dataclass
class Due:
    party: Party
    kind: str  # "subscription" or "cases"
    lines: list[dict]

    @property
    def total(self) -> Decimal:
        return sum((line["unit_price"] for line in self.lines), Decimal(0))


def pro_rata(annual_fee: Decimal, year: int, starts_on, ends_on) -> tuple[Decimal, tuple]:
    """(amount, (first day, last day)) of a subscription in `year`: the fee times the days in
    force divided by the days of the year, rounded to the cent; the whole fee for a whole
    year."""
    first = max(starts_on, datetime.date(year, 1, 1))
    last = min(ends_on or datetime.date(year, 12, 31), datetime.date(year, 12, 31))
    days_in_year = (datetime.date(year, 12, 31) - datetime.date(year, 1, 1)).days + 1
    days = (last - first).days + 1
    if days >= days_in_year:
        return money(annual_fee), (first, last)
    return money(annual_fee * days / days_in_year), (first, last)


def billed_party(
    agreement_party: str, municipality, referring_party: str = "", on: datetime.date | None = None
) -> Party:
    """The agreement's party; for an agreement of both, the referring party of a case, else
    the gemeente. When `municipality` no longer exists on `on` (it merged), the same party of
    the municipality that covers it then: its agreement carries to the successor
    (docs/decisions/0005-coverage-and-mergers.md), and so does the bill."""
    if on is not None and not municipality.existed_on(on):
        municipality = covering_municipality(municipality.nis_code, on) or municipality
    kind = {
        AgreementParty.GEMEENTE: PartyKind.GEMEENTE,
        AgreementParty.OCMW: PartyKind.OCMW,
    }.get(agreement_party, referring_party or PartyKind.GEMEENTE)
    return Party.objects.select_related("municipality").get(municipality=municipality, kind=kind)


def subscription_dues(year: int) -> list[Due]:
    agreements = (
        Agreement.objects.in_force_during(year)
        .of_form(AgreementForm.ANNUAL)
        .filter(annual_fee__isnull=False, imported_for_year__isnull=True)
        .select_related("municipality")
        .order_by("municipality__name", "id")
    )
    dues = []
    for agreement in agreements:
        amount, (first, last) = pro_rata(
            agreement.annual_fee, year, agreement.starts_on, agreement.ends_on
        )
        line = {
            "description": _("Annual subscription %(year)s") % {"year": year},
            "unit_price": amount,
            "period_start": first,
            "period_end": last,
            "agreement": agreement,
            "billing_key": f"subscription:{agreement.pk}:{year}",
        }
        party = billed_party(agreement.party, agreement.municipality, on=first)
        dues.append(Due(party, "subscription", [line]))
    return dues


def _case_agreement(dossier) -> Agreement | None:
    """The per-case agreement that covered the dossier's referral when it was opened: the
    one coverage rule (dyzo.agreements.query.covering) that decided its basis."""
    return (
        Agreement.objects.covering(dossier.municipality, dossier.opened_on, dossier.referring_party)
        .of_form(AgreementForm.PAY_PER_CASE)
        .order_by("-starts_on")
        .first()
    )


def case_price(dossier, agreement) -> Decimal | None:
    price = agreement.price_for_case(dossier.case_type) if agreement else None
    if price is None:
        schedule = TariffSchedule.objects.schedule_for_year(dossier.report_delivered_on.year)
        price = schedule.price_for_case(dossier.case_type) if schedule else None
    return price


def case_dues(year: int) -> list[Due]:
    dossiers = (
        Dossier.objects.per_case_delivered_in(year)
        .exclude(status=DossierStatus.CANCELLED)
        .select_related("municipality")
        .order_by("report_delivered_on", "id")
    )
    by_party: dict[int, Due] = {}
    for dossier in dossiers:
        agreement = _case_agreement(dossier)
        price = case_price(dossier, agreement)
        if price is None:
            continue
        party = billed_party(
            agreement.party if agreement else "", dossier.municipality, dossier.referring_party
        )
        line = {
            "description": dossier.get_case_type_display(),
            "unit_price": money(price),
            "dossier": dossier,
            "dossier_reference": dossier.reference,
            "agreement": agreement,
            "billing_key": f"dossier:{dossier.pk}",
        }
        by_party.setdefault(party.pk, Due(party, "cases", [])).lines.append(line)
    return list(by_party.values())


def dues_for(year: int) -> list[Due]:
    """Everything due for `year` that has not been invoiced yet."""
    candidates = subscription_dues(year) + case_dues(year)
    # Only this year's candidate keys are looked up: every key ever billed would grow with
    # the years of history.
    keys = [line["billing_key"] for due in candidates for line in due.lines]
    billed = set(
        InvoiceLine.objects.filter(billing_key__in=keys).values_list("billing_key", flat=True)
    )
    dues = []
    for due in candidates:
        due.lines = [line for line in due.lines if line["billing_key"] not in billed]
        if due.lines:
            dues.append(due)
    return dues
