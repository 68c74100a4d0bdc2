import pytest

from dyzo.accounts.tests.factories import UserFactory
from dyzo.billing.models import Invoice
from dyzo.billing.tests.factories import BillingPartyFactory
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party


def _worker(username, nis_code):
    party = Party.objects.get(municipality__nis_code=nis_code, kind=PartyKind.OCMW)
    return UserFactory(username=username, municipal_worker=True, parties=[party])


def _download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_issues_and_credits_worker_of_party_downloads_others_cannot(
    page, log_in, registry
):
    buyer = BillingPartyFactory()
    log_in(UserFactory(username="katrien", coordinator=True))
    page.goto("/billing/invoices/new/")
    page.get_by_label("Partij").select_option(str(buyer.pk))
    page.get_by_label("Omschrijving").fill("Ondernemingsscan dossier 2026-0007")
    page.get_by_label("Bedrag exclusief btw").fill("750.00")
    page.locator("main form button[type=submit]").click()
    page.get_by_role("button", name="Uitreiken").click()
    page.get_by_label("Reden").fill("Verkeerd bedrag")
    page.get_by_role("button", name="Creditnota uitreiken").click()
    page.wait_for_url("**/billing/invoices/*/")
    invoice = Invoice.objects.get(document_type="invoice")
    note = Invoice.objects.get(credited_invoice=invoice)
    assert invoice.number.startswith("F") and note.number.startswith("C")

    page.context.clear_cookies()
    log_in(_worker("worker_gent", "44021"))
    for document in (invoice, note):
        page.goto(f"/billing/invoices/{document.pk}/")
        assert _download(page, "PDF downloaden").startswith(b"%PDF")
        assert document.number.encode() in _download(page, "UBL downloaden")
        api = page.request.get(f"/api/v1/invoices/{document.pk}/ubl/")
        assert api.status == 200 and document.number.encode() in api.body()

    page.context.clear_cookies()
    log_in(_worker("worker_aalst", "41002"))
    for document in (invoice, note):
        assert page.goto(f"/billing/invoices/{document.pk}/pdf/").status == 404
        assert page.request.get(f"/api/v1/invoices/{document.pk}/").status == 404
    page.goto("/billing/invoices/")
    assert invoice.number not in page.content()
