import threading

import pytest

from django.db import connection, connections

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.models import Dossier, DossierCounter
from dyzo.dossiers.services.intake import next_number
from dyzo.dossiers.tests.test_intake_service import intake

THREADS = 8


def test_numbers_continue_from_the_counter(gent, coordinator):
    DossierCounter.objects.create(year=2026, last_number=41)
    assert intake(gent, coordinator).reference == "2026-0042"


def test_each_year_has_its_own_numbers(db):
    assert (next_number(2025), next_number(2026), next_number(2026)) == (1, 1, 2)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_intakes_get_gapless_unique_numbers(live_registry):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL.")
    from dyzo.localgov.models import Municipality

    gent = Municipality.objects.get(nis_code="44021")
    coordinator = UserFactory(username="concurrent_coordinator", coordinator=True)
    barrier = threading.Barrier(THREADS)
    errors = []

    def open_one():
        try:
            barrier.wait()
            intake(gent, coordinator)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=open_one) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    references = sorted(Dossier.objects.values_list("reference", flat=True))
    assert references == [f"2026-{n:04d}" for n in range(1, THREADS + 1)]
