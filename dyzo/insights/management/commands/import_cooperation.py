from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(_("No municipalities are known for %(year)d.") % {"year": year})
        if not file.is_file():
            raise CommandError(_("File not found: %(file)s") % {"file": file})
        self.stdout.write(_("Checking %(file)s for %(year)d…") % {"file": file.name, "year": year})
        try:
            rows = read_cooperation_file(file.read_bytes(), year)
        except CooperationFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            nothing = _("Nothing was imported.")
            raise CommandError(f"{error} {nothing}")
        summary = import_cooperation(year, rows)
        self.stdout.write(self.style.SUCCESS(self._summary(summary)))
        for nis_code, in_file, now in forms_differing_from_file(year, rows):
            message = _("%(code)s: the file says %(file)s, other records make it %(now)s.")
            self.stdout.write(
                self.style.WARNING(message % {"code": nis_code, "file": in_file, "now": now})
            )

    def _summary(self, summary) -> str:
        return _(
            "Imported %(year)d: %(municipalities)d municipalities in the file, %(agreements)d "
            "agreements, %(advice_entries)d phone/mail placeholders, %(decline_reasons)d "
            "decline reasons (%(replaced)d earlier imported records replaced)."
        ) % vars(summary)
