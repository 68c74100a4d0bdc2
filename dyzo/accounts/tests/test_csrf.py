from django.test import Client
from django.urls import reverse


def test_a_form_post_without_token_is_refused(coordinator, password):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        reverse("accounts:login"), {"username": "coordinator", "password": password}
    )

    assert response.status_code == 403


def test_the_same_post_with_the_page_token_passes(coordinator, password):
    client = Client(enforce_csrf_checks=True)
    token = client.get(reverse("accounts:login")).context["csrf_token"]

    response = client.post(
        reverse("accounts:login"),
        {"username": "coordinator", "password": password, "csrfmiddlewaretoken": str(token)},
    )

    assert response.status_code == 302


def test_a_logged_in_post_without_token_is_refused(coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    assert client.post(reverse("accounts:logout")).status_code == 403
