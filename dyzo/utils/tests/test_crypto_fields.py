import pytest
from cryptography.fernet import Fernet

from django.core.exceptions import ImproperlyConfigured

from dyzo.utils import crypto_fields
from dyzo.utils.crypto_fields import EncryptedTextField

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def field():
    return EncryptedTextField()


def test_value_is_stored_as_a_token_and_read_back(settings, field):
    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY]

    stored = field.get_prep_value("Schulden bij de RSZ")

    assert stored.startswith(crypto_fields.TOKEN_PREFIX)
    assert "RSZ" not in stored
    assert field.from_db_value(stored, None, None) == "Schulden bij de RSZ"


def test_tokens_of_an_older_key_are_still_read(settings, field):
    settings.DYZO_ENCRYPTION_KEYS = [OLD_KEY]
    stored = field.get_prep_value("oud")

    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    assert field.from_db_value(stored, None, None) == "oud"


def test_a_removed_key_is_reported_not_silently_ignored(settings, field):
    settings.DYZO_ENCRYPTION_KEYS = [OLD_KEY]
    stored = field.get_prep_value("oud")

    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(ImproperlyConfigured, match="rotate_encryption_keys"):
        field.from_db_value(stored, None, None)


def test_empty_values_stay_empty(field):
    assert field.get_prep_value("") == ""
    assert field.get_prep_value(None) is None


def test_plain_text_from_before_encryption_is_read_as_is(field):
    assert field.from_db_value("legacy note", None, None) == "legacy note"


def test_missing_keys_are_a_configuration_error(settings, field):
    settings.DYZO_ENCRYPTION_KEYS = []

    with pytest.raises(ImproperlyConfigured, match="DYZO_ENCRYPTION_KEYS"):
        field.get_prep_value("x")


def test_an_invalid_key_is_a_configuration_error(settings, field):
    settings.DYZO_ENCRYPTION_KEYS = ["not-a-key"]

    with pytest.raises(ImproperlyConfigured, match="invalid Fernet key"):
        field.get_prep_value("x")
