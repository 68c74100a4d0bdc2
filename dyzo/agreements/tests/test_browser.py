import pytest

from dyzo.accounts.tests.factories import UserFactory
from dyzo.agreements.constants import AgreementStatus
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import TariffScheduleFactory


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_creates_and_signs_an_agreement(page, log_in, registry):
    TariffScheduleFactory(year=2026)
    log_in(UserFactory(username="katrien", coordinator=True))
    page.goto("/agreements/new/?municipality=41002")
    page.get_by_label("Partij").select_option("ocmw")
    page.get_by_label("Vorm").select_option("annual_agreement")
    page.get_by_label("Begint op").fill("2026-01-01")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/agreements/*/")
    assert "EUR 6.000,00" in page.content()
    page.locator("a[href$='/sign/']").click()
    page.get_by_label("Ondertekend op").fill("2026-01-02")
    page.get_by_label("Ondertekenen zonder de pdf toe te voegen").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/agreements/*/")
    assert Agreement.objects.get().status == AgreementStatus.SIGNED
    page.goto("/municipalities/41002/")
    assert page.get_by_role("heading", name="Overeenkomsten").is_visible()
