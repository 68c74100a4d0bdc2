import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from dyzo.accounts.tests.factories import UserFactory


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Kort-1!", "password_too_short"),
        ("password1234", "password_too_common"),
        ("384729103847561", "password_entirely_numeric"),
        ("katrien.peeters", "password_too_similar"),
    ],
)
def test_weak_passwords_are_refused(db, password, code):
    user = UserFactory.build(username="katrien.peeters", first_name="Katrien")

    with pytest.raises(ValidationError) as error:
        validate_password(password, user)
    assert code in [item.code for item in error.value.error_list]


def test_a_long_passphrase_is_accepted(db):
    user = UserFactory.build(username="katrien.peeters")

    assert validate_password("paars-konijn-fietst-naar-Tielt", user) is None
