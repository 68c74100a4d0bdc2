import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dyzo.accounts.middleware import OTP_CHECKED_AT
from dyzo.accounts.tests.totp import code_for
from dyzo.audit.models import AuditEntry

HOME = reverse("home")
VERIFY = reverse("accounts:two_factor")
SETUP = reverse("accounts:two_factor_setup")
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _on(two_factor):
    """These tests run with the TOTP step required, as in production."""


def _log_in(client, user, password):
    response = client.post(LOGIN, {"username": user.username, "password": password})
    assert response.status_code == 302
    return response


@pytest.mark.parametrize("persona", ["coordinator", "administrator"])
def test_first_login_of_a_required_role_leads_to_setup(client, request, persona, password, db):
    user = request.getfixturevalue(persona)
    _log_in(client, user, password)

    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url == f"{SETUP}?next=%2F"


@pytest.mark.parametrize("persona", ["expert", "analyst", "worker_of_gent"])
def test_other_roles_log_in_with_their_password_only(client, request, persona, password, db):
    user = request.getfixturevalue(persona)
    _log_in(client, user, password)

    assert client.get(reverse("localgov:municipality_list")).status_code == 200


def test_setup_shows_a_qr_code_and_the_key(client, coordinator, password):
    _log_in(client, coordinator, password)

    response = client.get(SETUP)

    content = response.content.decode()
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    assert 'src="data:image/svg+xml;base64,' in content
    assert response.context["secret"].replace(" ", "") in device.config_url
    assert client.get(SETUP).context["secret"] == response.context["secret"]  # Same device.


def test_setup_is_confirmed_by_the_first_code(client, coordinator, password):
    _log_in(client, coordinator, password)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=coordinator)

    response = client.post(f"{SETUP}?next=/municipalities/", {"token": code_for(device)})

    assert response.status_code == 302
    assert response.url == "/municipalities/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(HOME).status_code == 200
    assert AuditEntry.objects.filter(code="auth.2fa_enabled", actor_id=coordinator.pk).exists()


def test_a_wrong_code_is_refused(client, coordinator, password, totp_device):
    totp_device(coordinator)
    _log_in(client, coordinator, password)

    response = client.post(VERIFY, {"token": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors["token"]
    assert client.get(HOME).status_code == 302
    assert AuditEntry.objects.filter(code="auth.2fa_failed").count() == 1


def test_with_a_device_the_login_asks_for_a_code(client, coordinator, password, totp_device):
    device = totp_device(coordinator)
    _log_in(client, coordinator, password)
    assert client.get(HOME).url == f"{VERIFY}?next=%2F"

    response = client.post(VERIFY, {"token": code_for(device)})

    assert response.status_code == 302
    assert client.get(HOME).status_code == 200


def test_a_code_works_only_once(client, coordinator, password, totp_device):
    device = totp_device(coordinator)
    code = code_for(device)
    _log_in(client, coordinator, password)
    client.post(VERIFY, {"token": code})
    client.post(reverse("accounts:logout"))
    _log_in(client, coordinator, password)

    response = client.post(VERIFY, {"token": code})

    assert response.status_code == 200
    assert client.get(HOME).status_code == 302


def test_repeated_wrong_codes_are_throttled(client, coordinator, password, totp_device):
    device = totp_device(coordinator)
    _log_in(client, coordinator, password)
    client.post(VERIFY, {"token": "000000"})
    client.post(VERIFY, {"token": "000001"})

    response = client.post(VERIFY, {"token": code_for(device)})

    assert response.status_code == 200  # Refused although right: wait after failures.


def test_password_alone_cannot_replace_a_confirmed_device(
    client, coordinator, password, totp_device
):
    totp_device(coordinator)
    _log_in(client, coordinator, password)

    response = client.get(SETUP)

    assert response.url == VERIFY
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1


def test_api_answers_403_until_verified(client, coordinator, password):
    _log_in(client, coordinator, password)

    response = client.get("/api/v1/municipalities/")

    assert response.status_code == 403
    assert "detail" in response.json()


def test_htmx_requests_get_a_client_redirect(client, coordinator, password, totp_device):
    totp_device(coordinator)
    _log_in(client, coordinator, password)

    response = client.get("/municipalities/", headers={"HX-Request": "true"})

    assert response.headers["HX-Redirect"] == f"{VERIFY}?next=%2Fmunicipalities%2F"


def test_logout_and_language_stay_reachable(client, coordinator, password):
    _log_in(client, coordinator, password)

    assert client.post(reverse("set_language"), {"language": "en"}).status_code == 302
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_switched_off_nothing_is_asked(client, coordinator, password, settings):
    settings.DYZO_REQUIRE_2FA = False
    _log_in(client, coordinator, password)

    assert client.get(HOME).status_code == 200


def test_verified_state_is_kept_in_the_session_and_a_deleted_device_ends_it(
    client, coordinator, password, totp_device
):
    device = totp_device(coordinator)
    _log_in(client, coordinator, password)
    client.post(VERIFY, {"token": code_for(device)})
    assert client.get(HOME).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(HOME).status_code == 200
    assert not [q for q in queries.captured_queries if "otp_totp" in q["sql"]]

    device.delete()
    session = client.session
    session[OTP_CHECKED_AT] -= 3600  # the state is re-read once a minute
    session.save()

    assert client.get(HOME).url == f"{SETUP}?next=%2F"
