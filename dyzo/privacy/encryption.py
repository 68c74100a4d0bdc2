"""Re-encrypting stored values with the newest key (see docs/privacy.md, key rotation)."""

import dataclasses

from cryptography.fernet import InvalidToken

from django.apps import apps
from django.db import connection, transaction

from dyzo.audit import audit
from dyzo.utils import crypto_fields
from dyzo.utils.crypto_fields import EncryptedTextField

BATCH_SIZE = 500


@dataclasses.dataclass
class RotationCount:
    label: str
    rotated: int = 0
    current: int = 0


def encrypted_fields():
    """(model, field) for every encrypted column, each column once."""
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.local_concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def rotate_all() -> list[RotationCount]:
    counts = [rotate_field(model, field) for model, field in encrypted_fields()]
    audit.log(
        None,
        "encryption.keys_rotated",
        actor=None,
        data={count.label: count.rotated for count in counts},
    )
    return counts


def rotate_field(model, field) -> RotationCount:
    """Re-encrypt one column with the newest key, batch by batch in primary-key order.

    The column is read and written as raw ciphertext: going through the ORM would decrypt
    and encrypt again for every row. Values already under the newest key are left alone,
    so a second run changes nothing.
    """
    count = RotationCount(f"{model._meta.label}.{field.name}")
    quote = connection.ops.quote_name
    table, column, pk = (
        quote(model._meta.db_table),
        quote(field.column),
        quote(model._meta.pk.column),
    )
    select = (
        f"SELECT {pk}, {column} FROM {table} "  # noqa: S608 (names come from the models)
        f"WHERE {column} IS NOT NULL AND {column} <> '' AND {pk} > %s ORDER BY {pk}"
    )
    # The old value is part of the condition: a row edited meanwhile keeps its new value.
    update = f"UPDATE {table} SET {column} = %s WHERE {pk} = %s AND {column} = %s"  # noqa: S608
    last_pk = _lowest_pk(model)
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"{select} LIMIT {BATCH_SIZE}", [last_pk])
            rows = cursor.fetchall()
            changes = [(new, row_pk, old) for row_pk, old in rows if (new := _rotated(old))]
            cursor.executemany(update, changes)
        count.rotated += len(changes)
        count.current += len(rows) - len(changes)
        if len(rows) < BATCH_SIZE:
            return count
        last_pk = rows[-1][0]


def _lowest_pk(model):
    internal = model._meta.pk.get_internal_type()
    return "" if internal in {"CharField", "TextField", "UUIDField"} else -1


def _rotated(value: str) -> str | None:
    """The value under the newest key, or None when it already is."""
    if not crypto_fields.is_token(value):
        return crypto_fields.encrypt(value)  # Text stored before the field was encrypted.
    try:
        crypto_fields.newest_fernet().decrypt(value.encode())
        return None
    except InvalidToken:
        return crypto_fields.fernet().rotate(value.encode()).decode()
