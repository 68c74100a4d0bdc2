import pytest

from dyzo.accounts.tests.factories import UserFactory
from dyzo.conftest import party
from dyzo.localgov.constants import PartyKind


@pytest.fixture(autouse=True)
def mail_to_outbox(settings):
    """The queue delivers to django.core.mail.outbox; tests/backends.py simulates outages."""
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "dyzo.notifications.tests.backends.FlakySMTPBackend"},
    }
    settings.DYZO_BASE_URL = "https://dyzo.example"


@pytest.fixture
def other_coordinator(db):
    return UserFactory(username="other_coordinator", coordinator=True)


@pytest.fixture
def gemeente_worker_of_gent(gent):
    """Works for Gent's gemeente only, not for its OCMW."""
    return UserFactory(
        username="gemeente_gent",
        municipal_worker=True,
        parties=[party("44021", PartyKind.GEMEENTE)],
    )


@pytest.fixture
def ocmw_worker_of_gent(gent):
    return UserFactory(
        username="ocmw_gent", municipal_worker=True, parties=[party("44021", PartyKind.OCMW)]
    )


def usernames(notifications) -> set[str]:
    return {notification.recipient.username for notification in notifications}
