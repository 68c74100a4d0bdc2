"""Twenty workers register at once for five places: five get one, fifteen wait."""

import threading

import pytest

from django.db import connection, connections

from dyzo.accounts.tests.factories import UserFactory
from dyzo.conftest import party
from dyzo.knowledge import trainings as services
from dyzo.knowledge.constants import RegistrationStatus
from dyzo.knowledge.models import Registration
from dyzo.knowledge.tests.factories import TrainingFactory
from dyzo.localgov.constants import PartyKind

THREADS = 20
CAPACITY = 5


@pytest.mark.issue(10)
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_registrations_at_once_respect_the_capacity(live_registry):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL.")
    training = TrainingFactory(capacity=CAPACITY)
    gent_ocmw = party("44021", PartyKind.OCMW)
    workers = [
        UserFactory(username=f"racer{n}", municipal_worker=True, parties=[gent_ocmw])
        for n in range(THREADS)
    ]
    barrier = threading.Barrier(THREADS, timeout=30)
    errors = []

    def register(worker):
        try:
            barrier.wait()
            services.register(training, party=gent_ocmw, actor=worker)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    statuses = list(Registration.objects.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.REGISTERED) == CAPACITY
    assert statuses.count(RegistrationStatus.WAITING) == THREADS - CAPACITY
