import datetime
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from django.urls import reverse

from dyzo.audit.models import AuditEntry
from dyzo.billing.camt import build_statement
from dyzo.billing.errors import BillingError
from dyzo.billing.models import BillingParty, Invoice, Payment
from dyzo.billing.services import import_billing_parties
from dyzo.billing.tests.factories import BillingPartyFactory, draft_invoice, issued_invoice

READ_CODES = ["invoice.viewed", "invoice.downloaded"]


@pytest.fixture
def gent_invoice(gent):
    return issued_invoice(BillingPartyFactory())


def test_worker_downloads_own_invoice_pdf_and_ubl(client, worker_of_gent, gent_invoice):
    client.force_login(worker_of_gent)
    pdf = client.get(reverse("billing:invoice_pdf", args=[gent_invoice.pk]))
    ubl = client.get(reverse("invoice-ubl", args=[gent_invoice.pk]))
    assert gent_invoice.number in PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text()
    assert gent_invoice.number.encode() in ubl.content
    codes = AuditEntry.objects.filter(object_id=str(gent_invoice.pk)).values_list("code", flat=True)
    assert list(codes).count("invoice.downloaded") == 2


def test_worker_of_another_municipality_gets_404(client, worker_of_aalst, gent_invoice):
    client.force_login(worker_of_aalst)
    for name in ("billing:invoice_detail", "billing:invoice_pdf", "invoice-detail", "invoice-ubl"):
        assert client.get(reverse(name, args=[gent_invoice.pk])).status_code == 404


def test_worker_does_not_see_drafts(client, worker_of_gent, gent):
    draft = draft_invoice(BillingPartyFactory())
    client.force_login(worker_of_gent)
    assert client.get(reverse("billing:invoice_detail", args=[draft.pk])).status_code == 404


def test_coordinator_issues_and_credits_through_the_pages(client, coordinator, gent):
    draft = draft_invoice(BillingPartyFactory())
    client.force_login(coordinator)
    client.post(reverse("billing:invoice_issue", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.is_issued
    response = client.post(reverse("billing:invoice_credit", args=[draft.pk]), {"reason": "Fout"})
    note = Invoice.objects.get(credited_invoice=draft)
    assert response.url == reverse("billing:invoice_detail", args=[note.pk])


def test_credit_without_reason_shows_a_message_and_changes_nothing(
    client, coordinator, gent_invoice
):
    client.force_login(coordinator)
    response = client.post(reverse("billing:invoice_credit", args=[gent_invoice.pk]), follow=True)
    assert not gent_invoice.credit_notes.exists()
    assert list(response.context["messages"])


@pytest.mark.parametrize("rows", [1, 20])
def test_invoice_list_query_count_is_constant(
    client, coordinator, gent, rows, django_assert_num_queries
):
    buyer = BillingPartyFactory()
    for _ in range(rows):
        issued_invoice(buyer)
    client.force_login(coordinator)
    # The session, the user, the user's role permissions, the page of invoices (buyer and
    # municipality joined), the read's audit entry, the capped count (issue 11).
    with django_assert_num_queries(6):
        response = client.get(reverse("billing:invoice_list"))
    assert response.status_code == 200
    assert response.context["count"].total == rows


@pytest.mark.issue(11)
@pytest.mark.parametrize("param", ["issued_on", "-issued_on"])
def test_invoice_list_sorts_by_issue_date_both_ways_across_pages(client, coordinator, gent, param):
    buyer = BillingPartyFactory()
    for n in range(28):
        issued_invoice(buyer, on=datetime.date(2026, 3, 1 + n % 5))
    draft = draft_invoice(buyer)
    client.force_login(coordinator)
    seen, query = [], {"sort": param}
    while True:
        response = client.get(reverse("billing:invoice_list"), query)
        seen += list(response.context["page"].items)
        if not response.context["page"].next_cursor:
            break
        query = {"sort": param, "after": response.context["page"].next_cursor}
    issued = sorted(
        (invoice for invoice in seen if invoice.pk != draft.pk),
        key=lambda invoice: (invoice.issued_on, invoice.pk),
    )
    expected = [*issued, draft] if param == "issued_on" else [draft, *reversed(issued)]
    assert [invoice.pk for invoice in seen] == [invoice.pk for invoice in expected]
    assert len(seen) == 29
    assert "29 resultaten" in response.content.decode()


def test_accountant_export_csv_and_xlsx(client, coordinator, gent_invoice):
    client.force_login(coordinator)
    year = gent_invoice.issued_on.year
    csv = client.get(reverse("billing:accountant_export", args=[year, "csv"]))
    xlsx = client.get(reverse("billing:accountant_export", args=[year, "xlsx"]))
    assert gent_invoice.number in csv.content.decode("utf-8-sig")
    book = load_workbook(io.BytesIO(xlsx.content))
    assert book["invoices"]["A2"].value == gent_invoice.number
    assert client.get(f"/billing/export/{year}.pdf").status_code == 404


def test_analyst_sees_revenue_by_province_and_form_only(client, analyst, gent_invoice):
    client.force_login(analyst)
    response = client.get(reverse("billing-revenue"), {"year": gent_invoice.issued_on.year})
    assert response.json() == [{"province": "Oost-Vlaanderen", "form": "other", "total": "1200.00"}]
    assert client.get(reverse("billing:invoice_list")).status_code == 403
    assert client.get(reverse("billing-revenue"), {"year": "abc"}).status_code == 400


def test_statement_import_page_imports_once(client, coordinator, gent_invoice):
    data = build_statement(
        "PAGE-1",
        "BE11000123456748",
        [
            {
                "amount": "1200.00",
                "date": datetime.date(2026, 4, 1),
                "reference": "P1",
                "payer": "OCMW Gent",
                "payer_account": "BE11000123456748",
                "structured": gent_invoice.structured_communication,
            }
        ],
    )
    client.force_login(coordinator)
    for _ in range(2):
        upload = io.BytesIO(data)
        upload.name = "camt.xml"
        client.post(reverse("billing:statement_import"), {"file": upload})
    assert Payment.objects.get().invoice == gent_invoice


def test_party_csv_import_all_or_nothing(gent, coordinator):
    good = "nis_code,kind,legal_name,enterprise_number,street,postal_code,city,invoice_email\n"
    row = "44021,gemeente,Stad Gent,0207.123.407,Botermarkt 1,9000,Gent,f@example.org\n"
    bad = "44021,ocmw,OCMW Gent,0207123400,Botermarkt 1,9000,Gent,f@example.org\n"
    with pytest.raises(BillingError):
        import_billing_parties(good + row + bad, actor=coordinator)
    assert not BillingParty.objects.exists()
    assert import_billing_parties(good + row, actor=coordinator) == 1
    assert BillingParty.objects.get().endpoint == ("0208", "0207123407")


@pytest.mark.parametrize("rows", [1, 20])
def test_api_invoice_list_query_count_is_constant(
    client, worker_of_gent, gent, rows, django_assert_num_queries
):
    buyer = BillingPartyFactory()
    for _ in range(rows):
        issued_invoice(buyer)
    client.force_login(worker_of_gent)
    # The session, the user, the role permissions, the page of invoices (the worker's parties
    # are a subquery; buyer and credited invoice joined), the lines of that page, the read's
    # audit entry.
    with django_assert_num_queries(6):
        response = client.get(reverse("invoice-list"))
    assert len(response.json()["results"]) == rows


def test_revenue_page_names_the_form(client, coordinator, gent_invoice):
    client.force_login(coordinator)
    response = client.get(reverse("billing:revenue"), {"year": gent_invoice.issued_on.year})
    assert "Oost-Vlaanderen" in response.content.decode()


def _read_codes(invoice):
    """The read entries naming the invoice (other objects may share its id)."""
    entries = AuditEntry.objects.filter(object_id=str(invoice.pk), code__in=READ_CODES)
    return list(entries.values_list("code", flat=True))


@pytest.mark.parametrize("name", ["billing:invoice_detail", "invoice-detail"])
def test_reading_an_invoice_writes_one_entry(client, coordinator, gent_invoice, name):
    client.force_login(coordinator)

    response = client.get(reverse(name, args=[gent_invoice.pk]))

    assert response.status_code == 200
    assert _read_codes(gent_invoice) == ["invoice.viewed"]


def test_acting_on_an_invoice_writes_no_read_entry(client, coordinator, gent_invoice):
    client.force_login(coordinator)

    response = client.post(
        reverse("invoice-payments", args=[gent_invoice.pk]),
        {"amount": "1.00", "paid_on": "2026-01-05"},
    )

    assert response.status_code == 201
    assert "invoice.viewed" not in _read_codes(gent_invoice)


def test_the_invoice_list_entry_names_the_invoices_shown(client, coordinator, gent_invoice):
    client.force_login(coordinator)

    client.get(reverse("billing:invoice_list"))

    entry = AuditEntry.objects.get(code="invoice.listed")
    assert entry.data["ids"] == [gent_invoice.pk]


def test_the_api_list_filters_by_status(client, coordinator, gent_invoice):
    draft = draft_invoice(BillingPartyFactory())
    client.force_login(coordinator)

    response = client.get(reverse("invoice-list"), {"status": draft.status})

    assert [row["id"] for row in response.json()["results"]] == [draft.pk]


@pytest.mark.parametrize("query", [{"year": "twenty"}, {"status": "lost"}, {"page_size": "0"}])
def test_a_bad_api_list_parameter_is_a_400_in_the_one_error_shape(client, coordinator, query):
    client.force_login(coordinator)

    response = client.get(reverse("invoice-list"), query)

    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"detail", "code", "fields"}
    assert list(body["fields"]) == list(query)
    assert not AuditEntry.objects.filter(code="invoice.listed").exists()
