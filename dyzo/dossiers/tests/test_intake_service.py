import datetime

import pytest

from django.db import transaction

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus, CaseType
from dyzo.agreements.models import Agreement
from dyzo.dossiers.constants import BusinessPhase, DossierBasis, DossierStatus, TeamRole
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.services import open_dossier
from dyzo.dossiers.tests.factories import EntrepreneurFactory
from dyzo.localgov.constants import PartyKind

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 2)


def sign(municipality, form):
    return Agreement.objects.create(
        municipality=municipality,
        party=AgreementParty.BOTH,
        form=form,
        status=AgreementStatus.SIGNED,
        starts_on=datetime.date(2026, 1, 1),
        signed_on=datetime.date(2025, 12, 1),
    )


def intake(municipality, actor, **extra):
    return open_dossier(
        entrepreneur=EntrepreneurFactory(municipality=municipality),
        case_type=CaseType.ENTERPRISE_SCAN,
        municipality=municipality,
        referring_party=PartyKind.OCMW,
        phase=BusinessPhase.IN_DIFFICULTY,
        opened_on=DAY,
        actor=actor,
        **extra,
    )


def test_numbers_run_per_year_without_gaps(gent, coordinator):
    first, second = intake(gent, coordinator), intake(gent, coordinator)
    assert [first.reference, second.reference] == ["2026-0001", "2026-0002"]
    assert first.status == DossierStatus.INTAKE
    assert first.status_changes.get().actor == coordinator


def test_a_rolled_back_intake_gives_its_number_back(gent, coordinator):
    with pytest.raises(RuntimeError), transaction.atomic():
        intake(gent, coordinator)
        raise RuntimeError("the request failed after the intake")
    assert intake(gent, coordinator).reference == "2026-0001"


def test_a_referring_worker_must_work_for_the_municipality(gent, coordinator, worker_of_aalst):
    with pytest.raises(DossierError, match="does not work for this municipality"):
        intake(gent, coordinator, referring_worker=worker_of_aalst)
    assert not Dossier.objects.exists()


def test_the_opener_joins_the_team_as_coordinator(gent, coordinator):
    dossier = intake(gent, coordinator)
    assert dossier.team.get().role == TeamRole.COORDINATOR


@pytest.mark.parametrize(
    ("forms", "basis"),
    [
        ([AgreementForm.ANNUAL], DossierBasis.SUBSCRIPTION),
        ([AgreementForm.PAY_PER_CASE], DossierBasis.PER_CASE),
        ([AgreementForm.ANNUAL, AgreementForm.PAY_PER_CASE], DossierBasis.SUBSCRIPTION),
        ([], DossierBasis.NOT_COVERED),
    ],
)
def test_basis_follows_the_agreements_in_force(gent, coordinator, forms, basis):
    for form in forms:
        sign(gent, form)
    assert intake(gent, coordinator).basis == basis


def test_an_unsigned_agreement_does_not_cover(gent, coordinator):
    agreement = sign(gent, AgreementForm.ANNUAL)
    Agreement.objects.filter(pk=agreement.pk).update(status=AgreementStatus.PROPOSED)
    assert intake(gent, coordinator).basis == DossierBasis.NOT_COVERED


def test_only_coordinators_open_dossiers(gent, expert):
    with pytest.raises(DossierError):
        intake(gent, expert)
    assert not Dossier.objects.exists()
