from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from dyzo.insights.constants import ReportFormat
from dyzo.insights.exports import render_report
from dyzo.insights.report import build_report
from dyzo.insights.years import is_report_year


class Command(BaseCommand):
    help = (
        "Write the cooperation report of a year (every municipality existing on 1 January in "
        "exactly one form: annual agreement, pay per case, phone/mail only or none) as JSON, "
        "CSV, XLSX or PDF, to a file with -o or else to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=ReportFormat.values, default=ReportFormat.JSON)
        parser.add_argument("-o", "--output", type=Path, help="File to write (default: stdout)")

    def handle(self, *args, year, format, output, **options):
        if not is_report_year(year):
            raise CommandError(f"No municipalities are known for {year}.")
        with translation.override(settings.LANGUAGE_CODE):
            content = render_report(build_report(year), format)
        if output:
            output.write_bytes(content)
            self.stderr.write(f"Wrote the {year} report ({format}) to {output}.")
        else:
            self._write_stdout(content)

    def _write_stdout(self, content: bytes) -> None:
        """Bytes go to the stream's byte buffer (a terminal, pipe or BytesIO) untouched; a
        text-only stream (StringIO) gets the text formats decoded."""
        self.stdout.flush()
        out = self.stdout._out
        binary = getattr(out, "buffer", out)
        try:
            binary.write(content)
        except TypeError:
            out.write(content.decode("utf-8"))
        out.flush()
