"""Demo tariffs and agreements. The prices are illustrative, not Dyzo's real tariffs.

Tariff schedules for 2018 up to this year, and for this year a realistic spread of agreements
over about sixty municipalities of the 2025 set: signed subscriptions (Gent with its OCMW),
signed per-case agreements (Aalst), a few proposed and draft ones, and a terminated
agreement of a municipality that merged in 2025. Deterministic, and safe to run again: the
previous demo agreements (marked by DEMO_NOTE) are replaced.
"""

import datetime
import random
from decimal import ROUND_HALF_UP, Decimal

from dyzo.accounts.models import User
from dyzo.agreements import services
from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement, TariffSchedule
from dyzo.localgov.models import Municipality

DEMO_NOTE = "Demo-overeenkomst."
SEED = 2026
FIRST_TARIFF_YEAR = 2018
# Illustrative 2018 prices, raised 2% a year: (from, to, annual price).
BASE_BRACKETS = [
    (0, 9_999, 1_250),
    (10_000, 19_999, 2_000),
    (20_000, 49_999, 3_500),
    (50_000, 99_999, 6_000),
    (100_000, None, 10_000),
]
BASE_ENTERPRISE_SCAN = 600
BASE_SOCIAL_PRE_INVESTIGATION = 350
GENT, AALST = "44021", "41002"
BEVEREN = "46003"  # merged into Beveren-Kruibeke-Zwijndrecht in 2025
# How many demo municipalities get which agreement (besides Gent and Aalst).
SIGNED_SUBSCRIPTIONS, SIGNED_PER_CASE, PROPOSED, DRAFTS = 34, 14, 5, 5


def _indexed(amount: int, year: int) -> Decimal:
    value = Decimal(amount) * Decimal("1.02") ** (year - FIRST_TARIFF_YEAR)
    return (value / 10).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * 10


def build_tariffs(actor, this_year: int) -> None:
    for year in range(FIRST_TARIFF_YEAR, this_year + 1):
        brackets = [
            {"population_from": low, "population_to": high, "annual_price": _indexed(price, year)}
            for low, high, price in BASE_BRACKETS
        ]
        services.save_tariff_schedule(
            TariffSchedule.objects.filter(year=year).first(),
            actor=actor,
            year=year,
            price_enterprise_scan=_indexed(BASE_ENTERPRISE_SCAN, year),
            price_social_pre_investigation=_indexed(BASE_SOCIAL_PRE_INVESTIGATION, year),
            brackets=brackets,
        )


def demo_municipalities(this_year: int) -> dict[str, list[Municipality]]:
    """The municipalities of this year's set that get each kind of demo agreement."""
    pool = list(Municipality.objects.of_year(this_year).exclude(nis_code__in=[GENT, AALST]))
    chosen = random.Random(SEED).sample(
        pool, SIGNED_SUBSCRIPTIONS + SIGNED_PER_CASE + PROPOSED + DRAFTS
    )
    cut = [SIGNED_SUBSCRIPTIONS, SIGNED_PER_CASE, PROPOSED, DRAFTS]
    groups, start = {}, 0
    for name, size in zip(["subscription", "per_case", "proposed", "draft"], cut, strict=True):
        groups[name] = chosen[start : start + size]
        start += size
    groups["subscription"].insert(0, Municipality.objects.get(nis_code=GENT))
    groups["per_case"].insert(0, Municipality.objects.get(nis_code=AALST))
    return groups


def _party(rng: random.Random, form: str) -> str:
    # As in the published figures, most subscriptions are signed by the OCMW.
    weights = [1, 8, 2] if form == AgreementForm.ANNUAL else [3, 6, 1]
    parties = [AgreementParty.GEMEENTE, AgreementParty.OCMW, AgreementParty.BOTH]
    return rng.choices(parties, weights)[0]


def _create(municipality, form, party, starts_on, actor):
    return services.create_agreement(
        municipality, actor=actor, party=party, form=form, starts_on=starts_on, notes=DEMO_NOTE
    )


def _sign(agreement, actor):
    signed_on = agreement.starts_on - datetime.timedelta(days=20)
    services.sign_agreement(agreement, actor=actor, signed_on=signed_on, without_document=True)


def build_agreements(actor, this_year: int) -> int:
    rng = random.Random(SEED)
    groups = demo_municipalities(this_year)
    count = 0
    for kind, municipalities in groups.items():
        for municipality in municipalities:
            form = AgreementForm.PAY_PER_CASE if kind == "per_case" else AgreementForm.ANNUAL
            if kind in ("proposed", "draft"):
                form = rng.choice([AgreementForm.ANNUAL, AgreementForm.PAY_PER_CASE])
            party = AgreementParty.OCMW if municipality.nis_code == GENT else _party(rng, form)
            year = (
                rng.choice([this_year - 1, this_year])
                if kind in ("subscription", "per_case")
                else this_year
            )
            agreement = _create(municipality, form, party, datetime.date(year, 1, 1), actor)
            if kind in ("subscription", "per_case"):
                _sign(agreement, actor)
            elif kind == "proposed":
                services.propose_agreement(agreement, actor=actor)
            count += 1
    beveren = Municipality.objects.get(nis_code=BEVEREN)
    old = _create(
        beveren, AgreementForm.ANNUAL, AgreementParty.OCMW, datetime.date(2022, 1, 1), actor
    )
    _sign(old, actor)
    services.terminate_agreement(old, actor=actor, ends_on=datetime.date(2024, 12, 31))
    return count + 1


def build_demo(stdout) -> None:
    this_year = datetime.date.today().year
    actor = User.objects.filter(username="coordinator").first()
    Agreement.objects.filter(notes=DEMO_NOTE, imported_for_year__isnull=True).delete()
    build_tariffs(actor, this_year)
    count = build_agreements(actor, this_year)
    stdout.write(
        f"Agreements: tariff schedules {FIRST_TARIFF_YEAR}-{this_year} (illustrative prices), "
        f"{count} demo agreements."
    )
