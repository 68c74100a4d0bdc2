from django.core.management.commands import flush
from django.db import connections

from dyzo.audit.sqlite import audit_deletion_allowed
from dyzo.utils.db_roles import as_owner


class Command(flush.Command):
    help = (
        f"{flush.Command.help} The audit trail is emptied too: this is for tests and "
        "development databases only (on SQLite the append-only trigger lets only this "
        "command through; on PostgreSQL flush truncates, which only the table owner may: "
        "with DATABASE_OWNER_URL set it runs as that role)."
    )

    def handle(self, **options):
        with as_owner(connections[options["database"]]), audit_deletion_allowed():
            return super().handle(**options)
