import pytest

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


def test_five_failures_lock_the_username_from_that_address(client, coordinator, password):
    _fail(client, "coordinator", 5)

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="192.0.2.1"
    )

    assert response.status_code == 429
    assert "Te veel aanmeldpogingen" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_lock_does_not_reach_other_addresses(client, coordinator, password):
    _fail(client, "coordinator", 5)

    response = client.post(
        LOGIN, {"username": "coordinator", "password": password}, REMOTE_ADDR="198.51.100.9"
    )

    assert response.status_code == 302


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
