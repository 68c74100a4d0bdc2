import pytest

from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.tests.factories import (
    ActivityFactory,
    AdviceEntryFactory,
    DocumentFactory,
    DossierFactory,
    EntrepreneurFactory,
    TeamMemberFactory,
)

pytestmark = pytest.mark.django_db

DOSSIER_TRAITS = [
    "social",
    "per_case",
    "not_covered",
    "data_collection",
    "investigation",
    "report_drafting",
    "report_delivered",
    "closed",
    "cancelled",
]


@pytest.mark.parametrize("trait", DOSSIER_TRAITS)
def test_each_dossier_trait_builds(trait):
    dossier = DossierFactory(**{trait: True})
    assert dossier.pk
    assert dossier.status_changes.get().to_status == dossier.status


def test_finished_dossiers_have_a_closing_date():
    assert DossierFactory(closed=True).closed_on
    assert DossierFactory(status=DossierStatus.INTAKE).closed_on is None


@pytest.mark.parametrize("trait", ["with_enterprise_number"])
def test_each_entrepreneur_trait_builds(trait):
    assert EntrepreneurFactory(**{trait: True}).enterprise_number == "0403170701"


@pytest.mark.parametrize("trait", ["by_mail", "imported"])
def test_each_advice_trait_builds(trait):
    assert AdviceEntryFactory(**{trait: True}).pk


def test_parts_build():
    assert TeamMemberFactory().dossier_id
    assert ActivityFactory().duration_minutes == 90
    with DocumentFactory().file.open("rb") as stored:
        assert stored.read().startswith(b"%PDF")
