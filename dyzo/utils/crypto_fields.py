"""Encryption at rest for free text about people (notes, report contents).

`EncryptedTextField` stores Fernet tokens (AES-128-CBC + HMAC-SHA256) made with the first key
of settings.DYZO_ENCRYPTION_KEYS (env `DYZO_ENCRYPTION_KEYS`, comma-separated, newest first)
and reads tokens made with any of them, so a new key can be put in front and the old ones
retired after `manage.py rotate_encryption_keys`. The values cannot be searched or ordered
in the database. See docs/privacy.md.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

# Every Fernet token starts with version byte 0x80, which is "gAAAAA" in urlsafe base64.
TOKEN_PREFIX = "gAAAAA"


@functools.lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured(
            "Set DYZO_ENCRYPTION_KEYS (comma-separated Fernet keys, newest first)."
        )
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(f"DYZO_ENCRYPTION_KEYS holds an invalid Fernet key: {exc}")


def configured_keys() -> tuple[str, ...]:
    return tuple(getattr(settings, "DYZO_ENCRYPTION_KEYS", ()))


def fernet() -> MultiFernet:
    """All configured keys: encrypts with the first, decrypts with any."""
    return _multi_fernet(configured_keys())


def newest_fernet() -> MultiFernet:
    """Only the newest key: a token it decrypts needs no rotation."""
    return _multi_fernet(configured_keys()[:1])


def encrypt(text: str) -> str:
    return fernet().encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """The plain text of `token`. A value that is no token at all is text stored before its
    field was encrypted; it is returned as is (rotate_encryption_keys encrypts it)."""
    if not is_token(token):
        return token
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with any key in DYZO_ENCRYPTION_KEYS: "
            "was a key removed before rotate_encryption_keys ran?"
        )


def is_token(value: str) -> bool:
    return value.startswith(TOKEN_PREFIX)


class EncryptedTextField(models.TextField):
    """A TextField whose values are encrypted in the database. Empty text stays empty, so
    "is there a note" stays visible; lookups other than exact "" or isnull make no sense."""

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)
