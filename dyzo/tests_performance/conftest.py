import pytest

from django.db import connection

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.tests.factories import (
    AdviceEntryFactory,
    DossierFactory,
    TeamMemberFactory,
)


def pytest_collection_modifyitems(items):
    """Every test here reads PostgreSQL plans: skipped on SQLite."""
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="query plans are PostgreSQL's")
    for item in items:
        if "tests_performance" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture
def rows(gent, aalst, expert):
    """A handful of dossiers and advice entries: enough to plan against, kept small (the
    plans are taken with sequential scans priced out, see plans.py)."""
    dossiers = [
        DossierFactory(),
        DossierFactory(social=True, cancelled=True),
        DossierFactory(municipality=aalst, closed=True),
    ]
    TeamMemberFactory(dossier=dossiers[0], user=expert)
    AdviceEntryFactory.create_batch(2, handled_by=expert)
    AdviceEntryFactory(municipality=aalst)
    return dossiers


@pytest.fixture
def other_expert(db):
    return UserFactory(username="other_expert", expert=True)
