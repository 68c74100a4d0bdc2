from django.core.management.commands import migrate
from django.db import connections

from dyzo.utils.db_roles import as_owner, grant_to_application, splits_roles


class Command(migrate.Command):
    help = (
        f"{migrate.Command.help} With DATABASE_OWNER_URL set (PostgreSQL), the migrations run "
        "as that owner role and the role of DATABASE_URL is then granted the tables, the "
        "audit table for reading and appending only (docs/deployment.md)."
    )

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        application_user = connection.settings_dict["USER"]
        with as_owner(connection):
            result = super().handle(*args, **options)
            if splits_roles(connection) and connection.settings_dict["USER"] != application_user:
                grant_to_application(connection, application_user)
        return result
