import csv
import json

from django.core.management.base import BaseCommand

from dyzo.localgov.models import Municipality

COLUMNS = ["nis_code", "name", "province", "population"]


class Command(BaseCommand):
    help = (
        "List the municipalities that existed on 1 January of YEAR, sorted by NIS code, with "
        "the population of that year where known (else empty)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, year, format, **options):
        rows = [
            {
                "nis_code": m.nis_code,
                "name": m.name,
                "province": m.province.name,
                "population": m.population,
            }
            for m in Municipality.objects.of_year(year)
            .with_population(year)
            .select_related("province")
            .order_by("nis_code")
        ]
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        writer = csv.DictWriter(self.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
