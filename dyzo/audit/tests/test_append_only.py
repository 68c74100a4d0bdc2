import pytest

from django.db import DatabaseError, connection, transaction

from dyzo.audit import audit
from dyzo.audit.models import AuditEntry
from dyzo.audit.query import AuditEntryImmutable


@pytest.fixture
def entry(coordinator):
    return audit.log(None, "test.event", actor=coordinator, data={"n": 1})


def test_model_refuses_to_save_an_existing_entry(entry):
    entry.code = "test.other"
    with pytest.raises(AuditEntryImmutable):
        entry.save()


def test_model_and_queryset_refuse_to_delete(entry):
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.all().delete()
    with pytest.raises(AuditEntryImmutable):
        AuditEntry.objects.update(code="x")
    assert AuditEntry.objects.filter(pk=entry.pk, code="test.event").exists()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET code = 'tampered' WHERE id = %s",
        "UPDATE audit_auditentry SET data = '{}' WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ],
)
def test_database_refuses_update_and_delete(entry, sql):
    """The triggers of migration 0002, on SQLite and on PostgreSQL alike. With the role split
    (DATABASE_OWNER_URL) the application role's missing privilege refuses even earlier."""
    with (
        pytest.raises(DatabaseError, match="append-only|permission denied"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [entry.pk])
    assert AuditEntry.objects.filter(pk=entry.pk, code="test.event").exists()


def test_database_still_accepts_new_entries(entry, coordinator):
    audit.log(None, "test.event", actor=coordinator)

    assert AuditEntry.objects.filter(code="test.event").count() == 2
