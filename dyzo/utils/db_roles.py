"""Two PostgreSQL roles: an owner that runs migrations, an application role that owns nothing.

The application role may read and write the tables, but only INSERT and SELECT on the audit
table; as no owner it can neither TRUNCATE it nor drop or disable its append-only trigger
(docs/deployment.md). Without DATABASE_OWNER_URL everything runs as the one role of
DATABASE_URL, as on SQLite.
"""

from contextlib import contextmanager

from django.conf import settings

CREDENTIALS = ("USER", "PASSWORD")
AUDIT_TABLE = "audit_auditentry"


def splits_roles(connection) -> bool:
    owner = settings.DYZO_DATABASE_OWNER
    return bool(owner) and connection.vendor == "postgresql"


@contextmanager
def as_owner(connection):
    """Run the block on a connection of the owner role, then go back to the role before."""
    if not splits_roles(connection) or _user(connection) == settings.DYZO_DATABASE_OWNER["USER"]:
        yield
        return
    before = switch_role(connection, settings.DYZO_DATABASE_OWNER)
    try:
        yield
    finally:
        switch_role(connection, before)


def switch_role(connection, credentials: dict) -> dict:
    """Reconnect as `credentials` (USER, PASSWORD); returns the ones used before."""
    before = {key: connection.settings_dict[key] for key in CREDENTIALS}
    connection.close()
    connection.settings_dict.update({key: credentials[key] for key in CREDENTIALS})
    return before


def grant_to_application(connection, application_user: str) -> None:
    """Give the application role what it needs on every table the owner has; the audit table
    read and append only. Safe to run again (after every migrate)."""
    quote = connection.ops.quote_name
    role = quote(application_user)
    with connection.cursor() as cursor:
        cursor.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        cursor.execute(
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
        )
        cursor.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        cursor.execute(f"REVOKE ALL ON {quote(AUDIT_TABLE)} FROM {role}")
        cursor.execute(f"GRANT SELECT, INSERT ON {quote(AUDIT_TABLE)} TO {role}")


def _user(connection) -> str:
    return connection.settings_dict["USER"]
