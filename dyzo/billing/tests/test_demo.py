import io

from django.core.management import call_command

from dyzo.billing.demo import illustrative_enterprise_number
from dyzo.billing.documents import render_invoice_pdf
from dyzo.billing.models import BillingParty, Invoice, Payment, Reminder
from dyzo.billing.tests.peppol import fatal_failures
from dyzo.billing.ubl import build_ubl
from dyzo.dossiers.enterprise_number import clean_enterprise_number


def test_illustrative_enterprise_numbers_are_valid():
    for nis_code in ("44021", "41002", "11002"):
        for kind in ("gemeente", "ocmw"):
            number = illustrative_enterprise_number(nis_code, kind)
            assert clean_enterprise_number(number) == number


def test_demo_bills_pays_credits_reminds_and_every_ubl_validates(registry, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    invoices = Invoice.objects.issued()
    assert invoices.invoices().count() >= 10
    assert invoices.filter(credited_invoice__isnull=False).count() == 1
    assert Reminder.objects.count() == 1
    assert Payment.objects.filter(statement__isnull=False, invoice__isnull=False).count() >= 5
    assert Payment.objects.unmatched().count() == 1
    assert not BillingParty.objects.filter(illustrative=False).exists()
    call_command("load_demo", stdout=io.StringIO())  # again: replaced, not duplicated
    assert Invoice.objects.issued().count() == invoices.count()
    paths = []
    for invoice in Invoice.objects.issued().select_related("credited_invoice"):
        path = tmp_path / f"{invoice.number}.xml"
        path.write_bytes(build_ubl(invoice, render_invoice_pdf(invoice)))
        paths.append(path)
    assert fatal_failures(*paths) == []
