import datetime
from decimal import Decimal
from io import StringIO

import pytest
from pypdf import PdfReader

from django.core.management import call_command

from dyzo.agreements.constants import AgreementParty
from dyzo.agreements.tests.factories import AgreementFactory, TariffScheduleFactory
from dyzo.billing.models import Invoice
from dyzo.billing.rules import pro_rata
from dyzo.billing.services import credit_invoice
from dyzo.billing.tests.factories import BillingPartyFactory
from dyzo.billing.tests.peppol import fatal_failures
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.localgov.constants import PartyKind

YEAR = 2026


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def billable(gent):
    """Gent's OCMW: a subscription from 1 July, and two per-case reports delivered in 2026
    (one cancelled afterwards, which is never billed) plus one covered dossier."""
    buyer = BillingPartyFactory()
    AgreementFactory(
        municipality=gent,
        party=AgreementParty.OCMW,
        signed=True,
        starts_on=datetime.date(YEAR, 7, 1),
        annual_fee=Decimal("12000.00"),
    )
    TariffScheduleFactory(year=YEAR)
    delivered = datetime.date(YEAR, 5, 4)
    for traits in ({}, {"cancelled": True}):
        DossierFactory(
            municipality=gent,
            referring_party=PartyKind.OCMW,
            per_case=True,
            report_delivered_on=delivered,
            **({"closed": True} | traits),
        )
    DossierFactory(municipality=gent, closed=True, report_delivered_on=delivered)
    return buyer


def test_pro_rata_by_days_and_whole_fee_for_a_whole_year():
    fee = Decimal("12000.00")
    whole, _period = pro_rata(fee, YEAR, datetime.date(2020, 1, 1), None)
    half, period = pro_rata(fee, YEAR, datetime.date(YEAR, 7, 1), None)
    assert whole == fee
    assert half == Decimal("6049.32")  # 184 of 365 days
    assert period == (datetime.date(YEAR, 7, 1), datetime.date(YEAR, 12, 31))


def test_issue_invoices_bills_subscription_and_cases_once(billable):
    first = run("issue_invoices", "--year", str(YEAR))
    second = run("issue_invoices", "--year", str(YEAR))
    assert "issued 2 invoice(s)" in first
    assert "issued 0 invoice(s)" in second
    lines = sorted(
        (line.billing_key.split(":")[0], line.net_amount)
        for line in Invoice.objects.issued()
        .get(lines__agreement__isnull=False, lines__dossier__isnull=True)
        .lines.all()
    )
    assert lines == [("subscription", Decimal("6049.32"))]
    cases = Invoice.objects.issued().get(lines__dossier__isnull=False)
    assert [line.net_amount for line in cases.lines.all()] == [Decimal("750.00")]


def test_dry_run_issues_nothing(billable):
    out = run("issue_invoices", "--year", str(YEAR), "--dry-run")
    assert "would issue 2 invoice(s)" in out
    assert not Invoice.objects.exists()


def test_party_without_billing_details_is_skipped_and_reported(billable):
    billable.delete()
    out = run("issue_invoices", "--year", str(YEAR))
    assert "no billing details" in out
    assert not Invoice.objects.exists()


def test_export_writes_xml_and_pdf_per_number_that_validate(billable, tmp_path):
    run("issue_invoices", "--year", str(YEAR))
    invoice = Invoice.objects.issued().first()
    credit_invoice(invoice, actor=None, reason="Verkeerde periode")
    out = run(
        "export_invoices", "--year", str(datetime.date.today().year), "-o", str(tmp_path / "x")
    )
    numbers = sorted(Invoice.objects.issued().values_list("number", flat=True))
    files = sorted(p.name for p in (tmp_path / "x").iterdir())
    assert files == sorted([f"{n}.pdf" for n in numbers] + [f"{n}.xml" for n in numbers])
    assert "exported 3 document(s)" in out
    text = PdfReader(tmp_path / "x" / f"{invoice.number}.pdf").pages[0].extract_text()
    assert invoice.number in text and "Factuur" in text
    assert fatal_failures(*(tmp_path / "x").glob("*.xml")) == []


def test_issue_invoices_refuses_an_implausible_year(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--year"):
        run("issue_invoices", "--year", "1800")
