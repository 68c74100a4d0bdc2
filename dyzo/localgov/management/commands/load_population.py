from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dyzo.localgov.population import PopulationFileError, check_year, read_population_file
from dyzo.localgov.services import load_population


class Command(BaseCommand):
    help = (
        "Load the population on 1 January of YEAR from a Statbel CSV with the header "
        "nis_code,population (comma, semicolon or pipe separated). Every line is checked "
        "against the registry of that year: every municipality that existed on 1 January "
        "once, and nothing else. With any problem all of them are listed and nothing "
        "changes; otherwise the year's earlier figures are replaced. See docs/population.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("file", type=Path)

    def handle(self, *args, year, file, **options):
        if not file.is_file():
            raise CommandError(_("File not found: %(file)s") % {"file": file})
        try:
            check_year(year)
            figures = read_population_file(file.read_bytes(), year)
        except PopulationFileError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(f"{error} {_('Nothing was loaded.')}")
        counts = load_population(year, figures)
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Population of %(year)d loaded: %(created)d municipalities "
                    "(%(replaced)d earlier figures of that year replaced)."
                )
                % counts
            )
        )
