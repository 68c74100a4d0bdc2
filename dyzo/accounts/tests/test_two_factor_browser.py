import base64

import pytest
from django_otp.oath import TOTP


@pytest.fixture(autouse=True)
def _on(two_factor):
    """As in production: coordinators pass a TOTP step."""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_sets_up_the_authenticator_at_first_login(page, password):
    from dyzo.accounts.tests.factories import UserFactory

    UserFactory(username="katrien", coordinator=True)
    page.goto("/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill("katrien")
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/accounts/2fa/setup/**")

    assert page.get_by_role("img", name="QR-code").is_visible()
    secret = page.locator(".totp-secret").inner_text().replace(" ", "")
    code = TOTP(base64.b32decode(secret)).token()
    page.get_by_label("Code uit je authenticator-app").fill(f"{code:06d}")
    page.get_by_role("button", name="Bevestigen").click()
    page.wait_for_url("**/")

    assert page.get_by_role("heading", name="Welkom").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_log_in_fixture_passes_the_second_step(page, log_in, coordinator):
    log_in(coordinator)

    assert page.get_by_role("heading", name="Welkom").is_visible()
