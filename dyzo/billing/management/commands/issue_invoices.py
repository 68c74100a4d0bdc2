from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from dyzo.billing.errors import BillingError
from dyzo.billing.models import BillingParty
from dyzo.billing.rules import dues_for
from dyzo.billing.services import create_draft, issue_invoice
from dyzo.utils.validators import YEAR_VALIDATORS


class Command(BaseCommand):
    help = (
        "Issue every invoice due for YEAR: one per subscription in force (pro rata), one per "
        "party for its per-case reports delivered in YEAR. What was invoiced before is left "
        "out, so running it again issues nothing new. Prints what it issued."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--dry-run", action="store_true", help="Print, issue nothing.")

    def handle(self, *args, year, dry_run, **options):
        for validator in YEAR_VALIDATORS:
            try:
                validator(year)
            except Exception as error:
                raise CommandError(f"--year {year}: {' '.join(error.messages)}") from error
        issued = 0
        for due in dues_for(year):
            buyer = BillingParty.objects.filter(party=due.party).first()
            label = f"{due.party} ({due.kind}, {len(due.lines)} line(s), {due.total} EUR)"
            if buyer is None:
                self.stdout.write(f"skipped {label}: no billing details")
            elif dry_run:
                self.stdout.write(f"would issue {label}")
                issued += 1
            else:
                issued += self._issue(buyer, due, year, label)
        verb = "would issue" if dry_run else "issued"
        self.stdout.write(f"{verb} {issued} invoice(s) for {year}")

    def _issue(self, buyer, due, year, label) -> int:
        try:
            with transaction.atomic():
                draft = create_draft(buyer, due.lines, actor=None, year=year)
                invoice = issue_invoice(draft, actor=None)
        except BillingError as error:
            self.stdout.write(f"skipped {label}: {error}")
            return 0
        self.stdout.write(f"issued {invoice.number} {label}")
        return 1
