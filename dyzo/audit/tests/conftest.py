import pytest


@pytest.fixture(autouse=True)
def _db(db):
    """Every audit test touches the database."""
