import pytest

from dyzo.localgov.constants import PartyKind


@pytest.fixture
def gent_ocmw(worker_of_gent):
    return worker_of_gent.parties.get(kind=PartyKind.OCMW)


@pytest.fixture
def scan_request():
    """What a worker fills in for an on-site enterprise scan."""
    return {
        "kind": "enterprise_scan",
        "entrepreneur_first_name": "An",
        "entrepreneur_last_name": "Claes",
        "enterprise_number": "0403.170.701",
        "phase": "in_difficulty",
        "question": "Schulden bij de RSZ en leveranciers; de zaak loopt nog.",
    }
