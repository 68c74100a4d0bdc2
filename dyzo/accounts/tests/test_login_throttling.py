import pytest
from axes.models import AccessAttempt

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def quiet_axes(caplog):
    caplog.set_level("ERROR", logger="axes")


def _fail(client, username, times, address="192.0.2.1"):
    for _attempt in range(times):
        client.post(
            LOGIN, {"username": username, "password": "wrong-password-1"}, REMOTE_ADDR=address
        )


def test_backends_check_lockout_before_the_password(settings):
    assert settings.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "dyzo.accounts.backends.RoleBackend",
    ]
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_five_failures_lock_the_account(client, coordinator, password):
    _fail(client, "coordinator", 5)

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 429
    assert "Te veel aanmeldpogingen" in response.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.issue(9)
def test_the_lock_holds_from_every_address(client, coordinator, password):
    # 40 wrong passwords from 8 addresses, then the right one from a 9th: still locked.
    for number in range(1, 9):
        _fail(client, "coordinator", 5, address=f"192.0.2.{number}")

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.9"
    )

    assert response.status_code == 429
    assert SESSION_KEY not in client.session


@pytest.mark.issue(9)
def test_an_address_failing_for_many_accounts_is_throttled(client, settings, coordinator, password):
    settings.DYZO_LOGIN_ADDRESS_FAILURE_LIMIT = 8
    for number in range(8):
        _fail(client, f"guess-{number}", 1)

    from_there = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1"
    )
    from_elsewhere = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="198.51.100.9"
    )

    assert from_there.status_code == 429
    assert from_elsewhere.status_code == 302


def test_a_shared_address_below_its_limit_does_not_lock_other_accounts(
    client, coordinator, password
):
    _fail(client, "colleague", 5)

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 302


@pytest.mark.issue(9)
def test_a_rotated_forwarded_header_does_not_escape_the_address_throttle(
    client, settings, coordinator, password
):
    settings.DYZO_TRUSTED_PROXIES = 1
    settings.DYZO_LOGIN_ADDRESS_FAILURE_LIMIT = 6
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for number in range(6):
        # The client writes a new first entry each time; our proxy appends the real address.
        forwarded = f"203.0.113.{number}, 198.51.100.7"
        client.post(
            LOGIN,
            {"username": f"guess-{number}", "password": "wrong-password-1"},
            HTTP_X_FORWARDED_FOR=forwarded,
            **proxy,
        )

    response = client.post(
        LOGIN,
        {"username": "coordinator", "password": password},
        HTTP_X_FORWARDED_FOR="203.0.113.99, 198.51.100.7",
        **proxy,
    )

    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.7"}


def test_an_unknown_username_is_locked_the_same_way(client, db):
    _fail(client, "nobody-by-this-name", 5)

    response = client.post(
        LOGIN, {"username": "nobody-by-this-name", "password": "x"}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 429


def test_a_success_clears_earlier_failures(client, coordinator, password):
    _fail(client, "coordinator", 4)
    client.post(LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1")
    client.post(reverse("accounts:logout"))
    _fail(client, "coordinator", 4)

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 302
