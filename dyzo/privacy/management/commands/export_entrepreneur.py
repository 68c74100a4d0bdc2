from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dyzo.audit import audit
from dyzo.dossiers.models import Entrepreneur
from dyzo.privacy.export import export_entrepreneur


class Command(BaseCommand):
    help = (
        "Write everything held about one entrepreneur (data.json plus report PDFs and "
        "documents) to a zip file, for a request for access or portability. Logged in the "
        "audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("entrepreneur_id", type=int)
        parser.add_argument("output", type=Path)

    def handle(self, *args, entrepreneur_id, output, **options):
        entrepreneur = Entrepreneur.objects.filter(pk=entrepreneur_id).first()
        if entrepreneur is None:
            raise CommandError(f"No entrepreneur with id {entrepreneur_id}.")
        if output.exists():
            raise CommandError(f"{output} exists already; choose a new file name.")
        output.write_bytes(export_entrepreneur(entrepreneur))
        audit.log(entrepreneur, "export.downloaded", actor=None, data={"via": "command"})
        self.stdout.write(f"Export of entrepreneur {entrepreneur_id} written to {output}.")
