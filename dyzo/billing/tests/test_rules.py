"""What is billed follows the coverage rule and mergers (docs/decisions/0005)."""

import datetime
from decimal import Decimal

import pytest

from dyzo.agreements.constants import AgreementParty
from dyzo.agreements.tests.factories import AgreementFactory, municipality
from dyzo.billing.rules import case_dues, subscription_dues
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.localgov.constants import PartyKind

pytestmark = pytest.mark.issue(8)


def test_a_merged_municipalitys_subscription_is_billed_to_its_successor(registry):
    borsbeek, antwerpen = municipality("11007"), municipality("11002")
    AgreementFactory(
        municipality=borsbeek,
        party=AgreementParty.GEMEENTE,
        signed=True,
        starts_on=datetime.date(2024, 1, 1),
        annual_fee=Decimal("3000.00"),
    )

    [due_2024] = subscription_dues(2024)
    [due_2025] = subscription_dues(2025)

    assert (due_2024.party.municipality, due_2024.party.kind) == (borsbeek, PartyKind.GEMEENTE)
    assert (due_2025.party.municipality, due_2025.party.kind) == (antwerpen, PartyKind.GEMEENTE)


def test_a_case_is_priced_by_the_agreement_that_covers_its_referring_party(gent):
    day = datetime.date(2026, 3, 2)
    ocmw_fee = AgreementFactory(
        municipality=gent, party=AgreementParty.OCMW, signed=True, per_case=True, starts_on=day
    )
    AgreementFactory(
        municipality=gent,
        party=AgreementParty.GEMEENTE,
        signed=True,
        per_case=True,
        starts_on=day,
        fee_enterprise_scan=Decimal("111.00"),
        fee_social_pre_investigation=Decimal("111.00"),
    )
    DossierFactory(
        municipality=gent,
        referring_party=PartyKind.OCMW,
        opened_on=day,
        per_case=True,
        closed=True,
        report_delivered_on=datetime.date(2026, 5, 4),
    )

    [due] = case_dues(2026)

    [line] = due.lines
    assert line["agreement"] == ocmw_fee
    assert due.party.kind == PartyKind.OCMW
