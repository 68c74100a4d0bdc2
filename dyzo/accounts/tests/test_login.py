import pytest

from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.urls import reverse

LOGIN = reverse("accounts:login")


def test_login_with_the_right_password(client, coordinator, password):
    response = client.post(LOGIN, {"username": "coordinator", "password": password})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(coordinator.pk)


def test_inactive_user_cannot_log_in(client, password, db):
    from dyzo.accounts.tests.factories import UserFactory

    UserFactory(username="gone", inactive=True)
    response = client.post(LOGIN, {"username": "gone", "password": password})
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_logout_ends_the_session(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    assert client.get(reverse("home")).status_code == 302


def test_login_page_is_dutch_by_default(client, db):
    content = client.get(LOGIN).content.decode()
    assert 'lang="nl-be"' in content
    assert "Inloggen" in content and "Wachtwoord" in content


def test_language_switch_to_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": LOGIN})
    assert response.status_code == 302
    content = client.get(LOGIN).content.decode()
    assert 'lang="en"' in content
    assert "Log in" in content and "Password" in content


def test_password_reset_sends_a_mail_with_a_working_link(client, coordinator, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("accounts:password_reset"), {"email": coordinator.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.context["validlink"] is True
    new = "a-new-and-long-passphrase"
    response = client.post(
        response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password(new)


def test_password_reset_for_unknown_address_says_the_same(client, db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


@pytest.mark.parametrize("weak", ["short", "password1234", "123456789012", "coordinator2024"])
def test_password_policy_refuses_weak_passwords(coordinator, weak):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_password(weak, user=coordinator)
