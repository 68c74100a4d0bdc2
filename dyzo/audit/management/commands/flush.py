from django.core.management.commands import flush

from dyzo.audit.sqlite import audit_deletion_allowed


class Command(flush.Command):
    help = (
        f"{flush.Command.help} The audit trail is emptied too: this is for tests and "
        "development databases only (on SQLite the append-only trigger lets only this "
        "command through; on PostgreSQL flush truncates, which the table owner may)."
    )

    def handle(self, **options):
        with audit_deletion_allowed():
            return super().handle(**options)
