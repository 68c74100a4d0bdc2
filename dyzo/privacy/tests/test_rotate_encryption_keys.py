import io

import pytest
from cryptography.fernet import Fernet, MultiFernet

from django.core.management import call_command
from django.db import connection, models
from django.test.utils import isolate_apps

from dyzo.audit.models import AuditEntry
from dyzo.privacy.encryption import rotate_field
from dyzo.utils.crypto_fields import EncryptedTextField

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def note_model(db):
    """A throwaway model with an encrypted column; its table lives in the test transaction."""
    with isolate_apps("dyzo.privacy"):

        class Note(models.Model):
            body = EncryptedTextField(blank=True, null=True)

            class Meta:
                app_label = "privacy"
                db_table = "privacy_test_note"

        # Temporary: the application role of the PostgreSQL role split may create no table.
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMPORARY TABLE privacy_test_note (id integer PRIMARY KEY, body text NULL)"
            )
        yield Note


def _insert(rows):
    with connection.cursor() as cursor:
        cursor.executemany("INSERT INTO privacy_test_note (id, body) VALUES (%s, %s)", rows)


def _raw():
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, body FROM privacy_test_note ORDER BY id")
        return dict(cursor.fetchall())


def test_rotation_moves_every_value_to_the_newest_key(settings, note_model):
    old = Fernet(OLD_KEY.encode())
    new = Fernet(NEW_KEY.encode())
    _insert(
        [
            (1, old.encrypt(b"oud geheim").decode()),
            (2, new.encrypt(b"al nieuw").decode()),
            (3, "platte tekst van voor de versleuteling"),
            (4, ""),
            (5, None),
        ]
    )
    before = _raw()
    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    count = rotate_field(note_model, note_model._meta.get_field("body"))

    after = _raw()
    assert (count.rotated, count.current) == (2, 1)
    assert new.decrypt(after[1].encode()) == b"oud geheim"
    assert after[2] == before[2]  # Already under the newest key: untouched.
    assert new.decrypt(after[3].encode()) == b"platte tekst van voor de versleuteling"
    assert (after[4], after[5]) == ("", None)
    assert {row.pk: row.body for row in note_model.objects.all()}[1] == "oud geheim"


def test_rotation_is_idempotent(settings, note_model):
    _insert([(1, Fernet(OLD_KEY.encode()).encrypt(b"x").decode())])
    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    field = note_model._meta.get_field("body")
    rotate_field(note_model, field)
    once = _raw()

    count = rotate_field(note_model, field)

    assert (count.rotated, count.current) == (0, 1)
    assert _raw() == once


def test_after_rotation_the_old_key_can_go(settings, note_model):
    _insert([(1, Fernet(OLD_KEY.encode()).encrypt(b"x").decode())])
    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    rotate_field(note_model, note_model._meta.get_field("body"))

    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY]

    assert note_model.objects.get(pk=1).body == "x"
    assert MultiFernet([Fernet(NEW_KEY.encode())]).decrypt(_raw()[1].encode()) == b"x"


def test_rotation_walks_past_one_batch(settings, note_model, monkeypatch):
    monkeypatch.setattr("dyzo.privacy.encryption.BATCH_SIZE", 2)
    old = Fernet(OLD_KEY.encode())
    _insert([(pk, old.encrypt(b"x").decode()) for pk in range(1, 6)])
    settings.DYZO_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    count = rotate_field(note_model, note_model._meta.get_field("body"))

    assert count.rotated == 5


def test_command_reports_counts_and_leaves_an_audit_entry(db):
    out = io.StringIO()

    call_command("rotate_encryption_keys", stdout=out)

    assert "Key rotation done." in out.getvalue()
    assert AuditEntry.objects.filter(code="encryption.keys_rotated").count() == 1
