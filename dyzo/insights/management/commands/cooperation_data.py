import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dyzo.insights.constants import DataSource
from dyzo.insights.errors import CooperationDataError
from dyzo.insights.services import keep_cooperation_in_app
from dyzo.insights.years import data_of_years, report_years


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("Not a date (YYYY-MM-DD): %(value)s") % {"value": value})


class Command(BaseCommand):
    help = (
        "List for every report year whether cooperation data exists: imported from the "
        "year's figures (import_cooperation), or kept in the app. With --kept-since DATE, "
        "first record that from DATE on every agreement, dossier and piece of advice is "
        "entered in the app (that year partly, unless DATE is 1 January, and every later "
        "year). A year with neither says 'no data' in its report and is compared with nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--kept-since", type=_day, metavar="DATE")

    def handle(self, *args, kept_since=None, **options):
        if kept_since is not None:
            try:
                keep_cooperation_in_app(kept_since)
            except CooperationDataError as error:
                raise CommandError(str(error))
            self.stdout.write(
                self.style.SUCCESS(
                    _("Cooperation records are kept in the app since %(day)s.")
                    % {"day": kept_since.isoformat()}
                )
            )
        for data in sorted(data_of_years(report_years()).values(), key=lambda d: d.year):
            self.stdout.write(f"{data.year}: {self._describe(data)}")

    def _describe(self, data) -> str:
        if not data.available:
            return _("no data")
        if data.kept_since:
            return _("kept in the app since %(day)s (partial year)") % {
                "day": data.kept_since.isoformat()
            }
        return str(DataSource(data.source).label)
