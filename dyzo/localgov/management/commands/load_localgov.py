from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dyzo.localgov.loading import ReferenceDataError, load_registry, read_registry


class Command(BaseCommand):
    help = (
        "Load the provinces, municipalities (2018, 2019 and 2025 sets), their gemeente and OCMW, "
        "the mergers and the population figures from the reference data. Idempotent: a second "
        "run leaves the same state. A malformed file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data-dir", default=str(settings.LOCALGOV_DATA_DIR))

    def handle(self, *args, data_dir, **options):
        from pathlib import Path

        try:
            data = read_registry(Path(data_dir))
        except ReferenceDataError as exc:
            raise CommandError(str(exc)) from exc
        counts = load_registry(data)
        self.stdout.write(
            self.style.SUCCESS(
                "Loaded {provinces} provinces, {municipalities} municipalities, "
                "{mergers} mergers and {populations} population figures.".format(**counts)
            )
        )
