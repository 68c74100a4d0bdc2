from django.core.management.base import BaseCommand

from dyzo.privacy.services import apply_retention


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of entrepreneurs whose dossiers were all closed more "
        "than DYZO_RETENTION_YEARS_AFTER_CLOSE years ago, and blank the free text of older "
        "advice entries and portal requests. Rows and yearly figures stay. Safe to run daily: "
        "what was done before is not done again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--years", type=int, help="Override the retention period (in whole years)."
        )

    def handle(self, *args, years=None, **options):
        result = apply_retention(years=years)
        self.stdout.write(
            f"Retention up to {result.cutoff:%Y-%m-%d}: {result.entrepreneurs} entrepreneurs "
            f"anonymised, {result.advice_entries} advice entries and {result.help_requests} "
            "help requests blanked."
        )
