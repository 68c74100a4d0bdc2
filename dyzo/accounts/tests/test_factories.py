import pytest

from dyzo.accounts.constants import Role
from dyzo.accounts.tests.factories import UserFactory


@pytest.mark.parametrize(
    ("trait", "role"),
    [
        ("coordinator", Role.COORDINATOR),
        ("expert", Role.EXPERT),
        ("analyst", Role.ANALYST),
        ("administrator", Role.ADMINISTRATOR),
        ("municipal_worker", Role.MUNICIPAL_WORKER),
    ],
)
def test_each_trait_builds(db, trait, role):
    user = UserFactory(**{trait: True})
    assert user.role == role


def test_inactive_trait(db):
    assert UserFactory(inactive=True).is_active is False
