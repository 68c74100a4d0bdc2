"""The whole path of a dossier in the browser, in Dutch: intake, team, activity, report
drafted, approved and delivered, PDF downloaded and read, dossier closed."""

import datetime
import re

import pytest

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.models import Dossier, Entrepreneur
from dyzo.utils.tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def click(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def search_and_choose(page, select_id, text, option):
    """A searchable field (Tom Select): type, wait for the match, take it with Enter."""
    page.locator(f"#{select_id}-ts-control").focus()
    page.keyboard.type(text)
    page.locator(f"#{select_id}-ts-dropdown").get_by_role("option", name=option).wait_for()
    page.keyboard.press("Enter")


def fill_intake(page, enterprise_number):
    page.goto("/dossiers/new/")
    page.locator("#id_case_type").select_option("enterprise_scan")
    search_and_choose(page, "id_municipality", "44021", "Gent (44021)")
    page.locator("#id_referring_party").select_option("ocmw")
    page.locator("#id_phase").select_option("in_difficulty")
    page.locator("#id_help_request").fill("Achterstallige RSZ-bijdragen, dreigend faillissement.")
    page.locator("#id_entrepreneur-first_name").fill("Sofie")
    page.locator("#id_entrepreneur-last_name").fill("Claes")
    page.locator("#id_entrepreneur-enterprise_number").fill(enterprise_number)
    search_and_choose(page, "id_entrepreneur-municipality", "44021", "Gent (44021)")
    click(page, "Dossier openen")


def test_a_referral_from_intake_to_closing(page, log_in, tmp_path):
    coordinator = UserFactory(username="browser_coordinator", coordinator=True)
    expert = UserFactory(username="browser_lawyer", expert=True)
    log_in(coordinator)

    fill_intake(page, "0403.170.702")
    assert page.get_by_text("geen geldig ondernemingsnummer").is_visible()
    assert not Dossier.objects.exists() and not Entrepreneur.objects.exists()

    page.locator("#id_entrepreneur-enterprise_number").fill("0403.170.701")
    click(page, "Dossier openen")
    page.wait_for_url(re.compile(r"/dossiers/\d+/$"))
    dossier = Dossier.objects.get()
    assert (
        page.get_by_role("heading", level=1).inner_text().startswith(f"Dossier {dossier.reference}")
    )
    assert page.get_by_text("het dossier is niet gedekt").first.is_visible()

    page.locator("#id_user").select_option(label=str(expert))
    click(page, "Toevoegen")
    assert page.get_by_text(f"{expert} (Jurist)").is_visible()

    click(page, "Verder naar: Gegevensverzameling")
    page.get_by_text("Een activiteit noteren").click()
    page.locator("#id_activity-kind").select_option("visit")
    page.locator("#id_activity-happened_on").fill(datetime.date.today().isoformat())
    page.locator("#id_activity-duration_minutes").fill("90")
    page.locator("#id_activity-travel_km").fill("14.5")
    page.locator("#id_activity-notes").fill("Boekhouding doorgenomen ter plaatse.")
    click(page, "Activiteit noteren")
    assert page.get_by_text("Boekhouding doorgenomen ter plaatse.").is_visible()
    click(page, "Verder naar: Onderzoek")
    click(page, "Verder naar: Rapport in opmaak")

    page.get_by_role("link", name="Rapport schrijven").click()
    page.get_by_label("Situatie").fill("De zaak draait, maar met schulden.")
    page.get_by_label("Financiële analyse").fill("Omzet stabiel; RSZ-achterstand van 8.000 euro.")
    page.get_by_label("Juridische analyse").fill("Een afbetalingsplan is mogelijk.")
    page.get_by_label("Aanbevelingen").fill("Afbetalingsplan aanvragen bij het sociaal fonds.")
    click(page, "Versie bewaren")
    click(page, "Ter goedkeuring voorleggen")
    click(page, "Goedkeuren")
    click(page, "Bezorgen aan de verwijzende partij")
    assert page.locator("#report-status").inner_text() == "Bezorgd"

    with page.expect_download() as download:
        page.get_by_role("link", name="Pdf downloaden").click()
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    text = pdf_text(pdf)
    assert "Schriftelijk rapport" in text and dossier.reference in text
    assert "Afbetalingsplan aanvragen bij het sociaal fonds." in text
    assert "0403.170.701" in text

    page.get_by_role("link", name="Terug naar het dossier").click()
    page.locator("#id_close-outcome").select_option("business_continued")
    click(page, "Dossier afsluiten")
    assert page.locator("#dossier-status").inner_text() == "Afgesloten"
    dossier.refresh_from_db()
    assert (dossier.status, dossier.outcome) == ("closed", "business_continued")
    assert dossier.status_changes.count() == 6
