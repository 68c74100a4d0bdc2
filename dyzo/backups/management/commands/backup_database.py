from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dyzo.backups.engines import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database to OUTPUT, also while the site is in use: "
        "SQLite through its online backup API, PostgreSQL through pg_dump (custom format). "
        "Restore with restore_database. Media files are not included (docs/backups.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path)

    def handle(self, *args, output: Path, **options):
        if output.exists():
            raise CommandError(f"{output} exists already; choose a new file name.")
        try:
            backup(output)
        except BackupError as exc:
            raise CommandError(str(exc))
        self.stdout.write(f"Backup written to {output} ({output.stat().st_size} bytes).")
