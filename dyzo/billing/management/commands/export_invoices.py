from pathlib import Path

from django.core.management.base import BaseCommand

from dyzo.billing.documents import stored_files
from dyzo.billing.models import Invoice


class Command(BaseCommand):
    help = (
        "Write every invoice and credit note issued in YEAR as DIR/<number>.xml (UBL, Peppol "
        "BIS 3.0) and DIR/<number>.pdf. Files already there are overwritten with the same "
        "content: an issued invoice does not change."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("-o", "--output", required=True, help="The folder to write to.")

    def handle(self, *args, year, output, **options):
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        invoices = (
            Invoice.objects.issued()
            .filter(issued_on__year=year)
            .select_related("credited_invoice")
            .prefetch_related("lines", "files")
            .order_by("number")
        )
        count = 0
        for invoice in invoices:
            pdf, ubl = stored_files(invoice)
            (folder / f"{invoice.number}.xml").write_bytes(ubl)
            (folder / f"{invoice.number}.pdf").write_bytes(pdf)
            count += 1
        self.stdout.write(f"exported {count} document(s) issued in {year} to {folder}")
