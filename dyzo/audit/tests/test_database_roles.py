"""On PostgreSQL the application role cannot change the audit trail (issue 9, point 6)."""

import pytest

from django.conf import settings
from django.db import DatabaseError, connection, transaction

from dyzo.audit import audit

pytestmark = pytest.mark.postgres


@pytest.fixture
def application_role():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    if not settings.DYZO_DATABASE_OWNER:
        pytest.skip("needs the role split: DATABASE_OWNER_URL (as .ci/run sets it)")
    return connection.settings_dict["USER"]


@pytest.mark.issue(9)
def test_the_tests_run_as_an_application_role_that_owns_nothing(application_role):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == application_role
        assert application_role != settings.DYZO_DATABASE_OWNER["USER"]
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "WHERE r.rolname = current_user"
        )
        assert cursor.fetchone()[0] == 0


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_auditentry SET code = 'x.forged'",
        "DELETE FROM audit_auditentry",
        "TRUNCATE audit_auditentry",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER audit_auditentry_append_only",
        "ALTER TABLE audit_auditentry DISABLE TRIGGER ALL",
        "DROP TRIGGER audit_auditentry_append_only ON audit_auditentry",
    ],
)
def test_the_application_role_cannot_change_the_audit_trail(application_role, statement):
    entry = audit.log(None, "x.kept", actor=None)

    with (
        pytest.raises(DatabaseError, match="permission denied|must be owner"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(statement)

    entry.refresh_from_db()
    assert entry.code == "x.kept"


@pytest.mark.issue(9)
def test_the_application_role_reads_and_appends(application_role):
    entry = audit.log(None, "x.appended", actor=None)
    assert type(entry).objects.filter(pk=entry.pk, code="x.appended").exists()
