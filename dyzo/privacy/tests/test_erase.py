import pytest

from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import Entrepreneur
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.privacy.constants import ANONYMOUS_NAME, AnonymisationReason
from dyzo.privacy.errors import ErasureRefused
from dyzo.privacy.services import erase_entrepreneur


def test_erasure_anonymises_at_once(registry, coordinator):
    dossier = DossierFactory(closed=True)

    record = erase_entrepreneur(dossier.entrepreneur, actor=coordinator)

    assert record.reason == AnonymisationReason.ERASURE
    assert record.anonymised_by == coordinator
    assert Entrepreneur.objects.get(pk=dossier.entrepreneur_id).last_name == ANONYMOUS_NAME
    assert AuditEntry.objects.filter(code="entrepreneur.anonymised", actor_id=coordinator.pk)


def test_erasure_is_refused_while_a_dossier_is_in_progress(registry, coordinator):
    dossier = DossierFactory(investigation=True)

    with pytest.raises(ErasureRefused):
        erase_entrepreneur(dossier.entrepreneur, actor=coordinator)
    assert Entrepreneur.objects.get(pk=dossier.entrepreneur_id).last_name != ANONYMOUS_NAME


def test_erasing_twice_keeps_the_first_record(registry, coordinator, administrator):
    dossier = DossierFactory(cancelled=True)
    first = erase_entrepreneur(dossier.entrepreneur, actor=coordinator)

    assert erase_entrepreneur(dossier.entrepreneur, actor=administrator) == first
