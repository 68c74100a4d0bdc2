from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dyzo.insights.importing import (
    CooperationFileError,
    forms_differing_from_file,
    read_cooperation_file,
)
from dyzo.insights.services import import_cooperation
from dyzo.insights.years import is_report_year


class Command(BaseCommand):
    help = (
        "Import a year's historical cooperation figures from a CSV file with the header "
        "nis_code,form,party,reasons. Every line is checked first: with any problem, all of "
        "them are listed and nothing changes. Otherwise the records imported earlier for that "
        "year are replaced; records entered in the app and other years are left alone. "
        "Municipalities missing from the file count as 'none'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("file", type=Path)

    def handle(self, *args, year, file, **options):
        if not is_report_year(year):
            raise CommandError(f"No municipalities are known for {year}.")
        if not file.is_file():
            raise CommandError(f"File not found: {file}")
        self.stdout.write(f"Checking {file.name} for {year}…")
        try:
            rows = read_cooperation_file(file.read_bytes(), year)
        except CooperationFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{error} Nothing was imported.")
        summary = import_cooperation(year, rows)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {year}: {summary.municipalities} municipalities in the file, "
                f"{summary.agreements} agreements, {summary.advice_entries} phone/mail "
                f"placeholders, {summary.decline_reasons} decline reasons "
                f"({summary.replaced} earlier imported records replaced)."
            )
        )
        for nis_code, in_file, now in forms_differing_from_file(year, rows):
            self.stdout.write(
                self.style.WARNING(
                    f"{nis_code}: the file says {in_file}, other records make it {now}."
                )
            )
