"""Who is covered by which agreement (docs/decisions/0005-coverage-and-mergers.md): the basis
of a dossier and the cooperation report's category must tell the same story."""

import datetime

import pytest

from django.urls import reverse

from dyzo.accounts.tests.factories import UserFactory
from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import AgreementFactory, municipality
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.constants import BusinessPhase, DossierBasis
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.services import open_dossier, update_dossier
from dyzo.dossiers.tests.factories import DossierFactory, EntrepreneurFactory
from dyzo.insights.classification import category_of, form_of
from dyzo.insights.constants import Category
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party

pytestmark = [pytest.mark.django_db, pytest.mark.issue(8)]


def intake(where, actor, party, on):
    return open_dossier(
        entrepreneur=EntrepreneurFactory(municipality=where),
        case_type="enterprise_scan",
        municipality=where,
        referring_party=party,
        phase=BusinessPhase.IN_DIFFICULTY,
        opened_on=on,
        actor=actor,
    )


def sign(where, party, form=AgreementForm.ANNUAL, **dates):
    dates.setdefault("starts_on", datetime.date(2026, 1, 1))
    traits = {"per_case": True} if form == AgreementForm.PAY_PER_CASE else {}
    return AgreementFactory(municipality=where, party=party, signed=True, **traits, **dates)


# Gemeente or OCMW: an agreement covers the referrals of the party that signed it.


def test_an_ocmw_subscription_does_not_cover_the_gemeentes_referral(gent, coordinator):
    sign(gent, AgreementParty.OCMW)
    day = datetime.date(2026, 3, 2)

    by_gemeente = intake(gent, coordinator, PartyKind.GEMEENTE, day)
    by_ocmw = intake(gent, coordinator, PartyKind.OCMW, day)

    assert by_gemeente.basis == DossierBasis.NOT_COVERED
    assert by_ocmw.basis == DossierBasis.SUBSCRIPTION
    # The municipality does have a subscription, signed by its OCMW.
    form = form_of(gent, 2026)
    assert (form.category, form.agreement_party) == (Category.ANNUAL_AGREEMENT, "ocmw")


def test_a_subscription_signed_by_both_covers_both_parties(gent, coordinator):
    sign(gent, AgreementParty.BOTH)
    day = datetime.date(2026, 3, 2)
    bases = {intake(gent, coordinator, kind, day).basis for kind in PartyKind.values}
    assert bases == {DossierBasis.SUBSCRIPTION}
    assert category_of(gent, 2026) == Category.ANNUAL_AGREEMENT


def test_the_gemeentes_per_case_agreement_next_to_the_ocmws_subscription(gent, coordinator):
    sign(gent, AgreementParty.OCMW)
    sign(gent, AgreementParty.GEMEENTE, form=AgreementForm.PAY_PER_CASE)
    dossier = intake(gent, coordinator, PartyKind.GEMEENTE, datetime.date(2026, 3, 2))
    assert dossier.basis == DossierBasis.PER_CASE
    # First match wins: the subscription makes the year's category.
    assert category_of(gent, 2026) == Category.ANNUAL_AGREEMENT


# Borsbeek merged into Antwerpen (which kept its code 11002) on 1 January 2025.


@pytest.fixture
def borsbeek(registry):
    return municipality("11007")


@pytest.fixture
def antwerpen(registry):
    return municipality("11002")


@pytest.fixture
def worker_of_antwerpen(antwerpen):
    gemeente = Party.objects.get(municipality=antwerpen, kind=PartyKind.GEMEENTE)
    return UserFactory(username="worker_antwerpen", municipal_worker=True, parties=[gemeente])


def test_borsbeeks_subscription_carries_to_antwerpen_from_2025(borsbeek, antwerpen, coordinator):
    sign(borsbeek, AgreementParty.GEMEENTE, starts_on=datetime.date(2024, 1, 1))

    before = intake(antwerpen, coordinator, PartyKind.GEMEENTE, datetime.date(2024, 6, 3))
    after = intake(antwerpen, coordinator, PartyKind.GEMEENTE, datetime.date(2025, 3, 3))
    by_ocmw = intake(antwerpen, coordinator, PartyKind.OCMW, datetime.date(2025, 3, 3))

    assert before.basis == DossierBasis.NOT_COVERED
    assert category_of(antwerpen, 2024) == Category.NONE
    assert category_of(borsbeek, 2024) == Category.ANNUAL_AGREEMENT
    assert after.basis == DossierBasis.SUBSCRIPTION
    assert category_of(antwerpen, 2025) == Category.ANNUAL_AGREEMENT
    assert by_ocmw.basis == DossierBasis.NOT_COVERED


def test_a_terminated_predecessor_agreement_covers_nothing_after_its_end(
    borsbeek, antwerpen, coordinator
):
    sign(
        borsbeek,
        AgreementParty.BOTH,
        starts_on=datetime.date(2023, 1, 1),
        ends_on=datetime.date(2024, 12, 31),
    )
    dossier = intake(antwerpen, coordinator, PartyKind.GEMEENTE, datetime.date(2025, 3, 3))
    assert dossier.basis == DossierBasis.NOT_COVERED
    assert category_of(antwerpen, 2025) == Category.NONE


def test_antwerpens_worker_sees_borsbeeks_agreement_and_dossier(
    borsbeek, antwerpen, worker_of_antwerpen, worker_of_gent
):
    agreement = sign(borsbeek, AgreementParty.GEMEENTE, starts_on=datetime.date(2024, 1, 1))
    old = DossierFactory(municipality=borsbeek, year=2024, opened_on=datetime.date(2024, 5, 6))

    assert list(Agreement.objects.visible_to(worker_of_antwerpen)) == [agreement]
    assert list(Dossier.objects.visible_to(worker_of_antwerpen)) == [old]
    assert not Dossier.objects.visible_to(worker_of_gent).exists()


def test_antwerpens_worker_finds_borsbeeks_dossier_in_the_portal(
    client, borsbeek, worker_of_antwerpen
):
    old = DossierFactory(municipality=borsbeek, year=2024, opened_on=datetime.date(2024, 5, 6))
    client.force_login(worker_of_antwerpen)
    response = client.get("/portal/dossiers/")
    assert old.reference in response.content.decode()


# A dossier's year, reference and basis follow from its opening date.


def test_moving_the_opening_date_derives_the_basis_again(gent, coordinator):
    sign(
        gent,
        AgreementParty.OCMW,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 3, 31),
    )
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 5, 4))
    assert dossier.basis == DossierBasis.NOT_COVERED

    moved = update_dossier(
        dossier,
        {"opened_on": datetime.date(2026, 3, 16)},
        version=dossier.version,
        actor=coordinator,
    )

    assert (moved.basis, moved.reference, moved.year) == (
        DossierBasis.SUBSCRIPTION,
        "2026-0001",
        2026,
    )
    assert category_of(gent, 2026) == Category.ANNUAL_AGREEMENT
    entry = AuditEntry.objects.filter(code="dossier.updated", object_id=str(dossier.pk)).get()
    assert entry.data["basis"] == DossierBasis.SUBSCRIPTION


def test_changing_the_referring_party_derives_the_basis_again(gent, coordinator):
    sign(gent, AgreementParty.OCMW)
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 3, 2))
    changed = update_dossier(
        dossier,
        {"referring_party": PartyKind.GEMEENTE},
        version=dossier.version,
        actor=coordinator,
    )
    assert changed.basis == DossierBasis.NOT_COVERED


def test_an_opening_date_in_another_year_is_refused(gent, coordinator):
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 1, 5))
    with pytest.raises(DossierError, match="must stay in 2026"):
        update_dossier(
            dossier,
            {"opened_on": datetime.date(2025, 12, 29)},
            version=dossier.version,
            actor=coordinator,
        )
    dossier.refresh_from_db()
    assert (dossier.opened_on, dossier.reference) == (datetime.date(2026, 1, 5), "2026-0001")


def test_the_basis_of_a_delivered_dossier_no_longer_moves(gent, coordinator):
    sign(gent, AgreementParty.OCMW, form=AgreementForm.PAY_PER_CASE)
    dossier = DossierFactory(
        municipality=gent,
        per_case=True,
        report_delivered=True,
        year=2026,
        opened_on=datetime.date(2026, 3, 2),
    )
    with pytest.raises(DossierError, match="has been delivered"):
        update_dossier(
            dossier,
            {"referring_party": PartyKind.GEMEENTE},
            version=dossier.version,
            actor=coordinator,
        )
    dossier.refresh_from_db()
    assert dossier.basis == DossierBasis.PER_CASE


def test_the_edit_page_refuses_another_year_with_a_message(client, gent, coordinator):
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 1, 5))
    client.force_login(coordinator)
    response = client.post(
        reverse("dossiers:edit", args=[dossier.pk]),
        {
            "phase": dossier.phase,
            "referring_party": dossier.referring_party,
            "help_request": "",
            "opened_on": "2025-12-29",
            "version": dossier.version,
        },
    )
    assert response.status_code == 200
    assert "moet in 2026 blijven" in response.content.decode()
    dossier.refresh_from_db()
    assert (dossier.opened_on, dossier.reference) == (datetime.date(2026, 1, 5), "2026-0001")


def test_the_edit_page_derives_the_basis_again(client, gent, coordinator):
    sign(gent, AgreementParty.OCMW, ends_on=datetime.date(2026, 3, 31))
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 5, 4))
    client.force_login(coordinator)
    response = client.post(
        reverse("dossiers:edit", args=[dossier.pk]),
        {
            "phase": dossier.phase,
            "referring_party": dossier.referring_party,
            "help_request": "",
            "opened_on": "2026-03-16",
            "version": dossier.version,
        },
    )
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.basis == DossierBasis.SUBSCRIPTION


def test_the_api_refuses_another_year_with_a_400(client, gent, coordinator):
    dossier = intake(gent, coordinator, PartyKind.OCMW, datetime.date(2026, 1, 5))
    client.force_login(coordinator)
    response = client.patch(
        f"/api/v1/dossiers/{dossier.pk}/",
        {"opened_on": "2025-12-29", "version": dossier.version},
        content_type="application/json",
    )
    assert response.status_code == 400
    dossier.refresh_from_db()
    assert dossier.opened_on == datetime.date(2026, 1, 5)


def test_antwerpens_portal_lists_borsbeeks_agreement_in_force(
    client, borsbeek, worker_of_antwerpen
):
    sign(borsbeek, AgreementParty.GEMEENTE, starts_on=datetime.date(2024, 1, 1))
    client.force_login(worker_of_antwerpen)
    html = client.get("/portal/").content.decode()
    assert "ondertekend door Borsbeek, opgegaan in deze gemeente" in html
