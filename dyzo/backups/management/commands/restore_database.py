from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dyzo.backups.engines import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_database into the configured database, which must "
        "be new and empty (no tables). Nothing is overwritten: with tables present it stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path)

    def handle(self, *args, input: Path, **options):
        if not input.is_file():
            raise CommandError(f"{input} is not a file.")
        try:
            restore(input)
        except BackupError as exc:
            raise CommandError(str(exc))
        self.stdout.write(f"Restored {input}.")
