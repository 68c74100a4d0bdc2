import pytest

from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.localgov.models import Municipality
from dyzo.portal.models import HelpRequest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_worker_submits_a_help_request_and_sees_nothing_of_aalst(
    page, log_in, registry, worker_of_gent
):
    aalst_dossier = DossierFactory(municipality=Municipality.objects.get(nis_code="41002"))

    log_in(worker_of_gent)
    page.wait_for_url("**/portal/")
    page.get_by_role("link", name="Een hulpvraag indienen").first.click()
    page.get_by_label("Namens").select_option(label="OCMW Gent")
    page.get_by_label("Ondernemingsscan (ter plaatse)").check()
    page.get_by_label("Voornaam van de ondernemer").fill("An")
    page.get_by_label("Achternaam van de ondernemer").fill("Claes")
    page.get_by_label("Ondernemingsnummer").fill("0403.170.701")
    page.get_by_label("Fase van de zaak").select_option("in_difficulty")
    page.get_by_role("textbox", name="Hulpvraag").fill("Schulden bij de RSZ, de zaak loopt nog.")
    page.get_by_role("button", name="Naar Dyzo sturen").click()
    page.wait_for_url("**/portal/requests/*/")
    assert "Uw hulpvraag is naar Dyzo gestuurd." in page.content()

    page.goto("/portal/requests/")
    row = page.get_by_role("row").filter(has_text="Claes")
    assert "Ingediend, wacht op Dyzo" in row.inner_text()
    assert HelpRequest.objects.get().submitted_by == worker_of_gent

    by_link = page.goto(f"/dossiers/{aalst_dossier.pk}/")
    assert by_link.status == 404
    by_api = page.goto(f"/api/v1/dossiers/{aalst_dossier.pk}/")
    assert by_api.status in (403, 404)
    assert aalst_dossier.entrepreneur.last_name not in by_api.text()
