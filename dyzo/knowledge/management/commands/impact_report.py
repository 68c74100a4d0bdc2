import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from dyzo.knowledge.impact import impact_report
from dyzo.knowledge.pdf import impact_report_pdf
from dyzo.localgov.models import Municipality


class Command(BaseCommand):
    help = (
        "Write the impact report of one municipality and year (docs/impact-report.md) as JSON "
        "or as the Dutch PDF, to a file or standard output. Counts below 5 are shown as "
        '"<5". Changes nothing.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--nis", required=True, help="NIS code of the municipality")
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")

    def handle(self, *args, year, nis, format, output, **options):
        municipality = Municipality.objects.select_related("province").filter(nis_code=nis).first()
        if municipality is None:
            raise CommandError(f"No municipality with NIS code {nis}.")
        if format == "pdf" and not output:
            raise CommandError("A PDF is written to a file: give -o FILE.")
        if format == "pdf":
            content = impact_report_pdf(municipality, year)
        else:
            with translation.override("nl"):
                report = impact_report(municipality, year)
            content = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
        if output:
            with open(output, "wb") as file:
                file.write(content)
            self.stderr.write(f"Wrote the impact report of {municipality.name} {year} to {output}.")
        else:
            self.stdout.write(content.decode(), ending="")
