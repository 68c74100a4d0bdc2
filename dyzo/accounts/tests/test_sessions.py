import time

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse

from dyzo.accounts.middleware import LOGIN_AT, SEEN_AT
from dyzo.audit.models import AuditEntry

HOME = reverse("home")
LOGIN = reverse("accounts:login")


def _age_session(client, **seconds_ago):
    session = client.session
    for key, ago in seconds_ago.items():
        session[key] = time.time() - ago
    session.save()


def test_settings_end_idle_sessions_after_30_minutes_and_all_after_10_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.DYZO_SESSION_MAX_SECONDS == 10 * 60 * 60


def test_login_gives_the_session_a_new_key(client, coordinator, password):
    client.get(LOGIN)
    session = client.session
    session["before_login"] = True
    session.save()
    anonymous_key = session.session_key

    client.post(LOGIN, {"username": "coordinator", "password": password})

    assert client.session.session_key != anonymous_key
    assert not Session.objects.filter(session_key=anonymous_key).exists()
    assert client.session["before_login"] is True  # Same data, new key.


def test_logout_deletes_the_session(client, coordinator):
    client.force_login(coordinator)
    key = client.session.session_key

    client.post(reverse("accounts:logout"))

    assert not Session.objects.filter(session_key=key).exists()


def test_deactivating_the_account_ends_its_sessions(client, coordinator):
    client.force_login(coordinator)
    assert client.get(HOME).status_code == 200

    coordinator.is_active = False
    coordinator.save(update_fields=["is_active"])

    assert client.get(HOME).status_code == 302
    assert SESSION_KEY not in client.session


def test_changing_the_password_ends_other_sessions(client, coordinator):
    client.force_login(coordinator)

    coordinator.set_password("another-long-passphrase")
    coordinator.save(update_fields=["password"])

    assert client.get(HOME).status_code == 302


def test_a_session_idle_for_30_minutes_ends(client, coordinator):
    client.force_login(coordinator)
    _age_session(client, **{SEEN_AT: 30 * 60 + 1})

    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert SESSION_KEY not in client.session
    assert AuditEntry.objects.filter(code="auth.session_expired").count() == 1


def test_a_busy_session_ends_10_hours_after_login(client, coordinator):
    client.force_login(coordinator)
    _age_session(client, **{LOGIN_AT: 10 * 60 * 60 + 1, SEEN_AT: 5})

    assert client.get(HOME).status_code == 302
    assert SESSION_KEY not in client.session


def test_activity_keeps_the_session_alive(client, coordinator):
    client.force_login(coordinator)
    _age_session(client, **{LOGIN_AT: 9 * 60 * 60, SEEN_AT: 29 * 60})

    assert client.get(HOME).status_code == 200
    assert time.time() - client.session[SEEN_AT] < 60  # Refreshed: 30 more minutes.


def test_recent_activity_does_not_write_the_session(client, coordinator, django_assert_num_queries):
    client.force_login(coordinator)
    client.get(HOME)

    with django_assert_num_queries(6):
        # 1. the session, 2. the user (the role's permissions are cached per process),
        # 3-6. the coordinator's worklist. No session write within a minute of the last one.
        client.get(HOME)


def test_unknown_user_and_wrong_password_get_the_same_answer(client, coordinator):
    def answer(username):
        response = client.post(LOGIN, {"username": username, "password": "wrong-password-1"})
        return response.status_code, response.context["form"].errors

    known, unknown = answer("coordinator"), answer("nobody-by-this-name")

    assert known == unknown
    assert known[0] == 200
