import pytest

from dyzo.dossiers.constants import AdviceChannel
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import AdviceEntry
from dyzo.dossiers.services import log_advice, update_advice
from dyzo.dossiers.tests.factories import AdviceEntryFactory
from dyzo.localgov.constants import PartyKind

pytestmark = pytest.mark.django_db


def data(municipality, **extra):
    return {
        "municipality": municipality,
        "party": PartyKind.OCMW,
        "channel": AdviceChannel.MAIL,
        "topic": "Faillissement",
        "minutes_spent": 15,
        **extra,
    }


def test_log_advice_records_who_handled_it(gent, expert):
    entry = log_advice(data(gent), actor=expert)
    assert entry.handled_by == expert
    assert AdviceEntry.objects.logged().get() == entry


def test_log_advice_rejects_a_worker_of_another_municipality(aalst, worker_of_gent, expert):
    with pytest.raises(DossierError):
        log_advice(data(aalst, asked_by_user=worker_of_gent), actor=expert)
    assert not AdviceEntry.objects.exists()


def test_imported_placeholders_cannot_be_edited(coordinator):
    entry = AdviceEntryFactory(imported=True)
    with pytest.raises(DossierError):
        update_advice(entry, {"topic": "x"}, actor=coordinator)


def test_given_in_counts_placeholders_of_their_year():
    AdviceEntryFactory(imported=True)
    assert AdviceEntry.objects.given_in(2018).count() == 1
    assert AdviceEntry.objects.logged().count() == 0
