"""Fixtures shared by every app: the registry, personas and the browser harness."""

import os

import pytest

from django.conf import settings
from django.db import connection

from dyzo.accounts.backends import forget_role_permissions
from dyzo.accounts.tests.factories import TEST_PASSWORD, UserFactory
from dyzo.accounts.tests.totp import authenticator_of, code_for
from dyzo.accounts.two_factor import requires_two_factor
from dyzo.localgov.cache import clear_registry_cache
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.loading import load_registry, read_registry
from dyzo.localgov.models import Municipality, Party
from dyzo.utils.db_roles import grant_to_application, splits_roles, switch_role
from dyzo.utils.tests.live_server import RequestsInFlight


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Mark every test that names no database fixture as a database test.

    pytest-django runs database tests first, then transactional ones (which flush the
    database and leave the live server running), then the rest. Many tests here get their
    persona through `request.getfixturevalue`, which that ordering cannot see; without the
    mark they ran last, after the live server, and on PostgreSQL left a session open that
    kept the test database from being dropped.
    """
    for item in items:
        names = getattr(item, "fixturenames", ())
        transactional = "transactional_db" in names or "live_server" in names
        if item.get_closest_marker("django_db") is None and not transactional:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(autouse=True)
def _fresh_registry_cache():
    """Every test starts without the registry maps kept in memory: a test's rolled-back or
    flushed registry rows must not be served to the next one (dyzo.localgov.cache)."""
    clear_registry_cache()


def _ensure_registry():
    if not Municipality.objects.exists():
        load_registry(read_registry(settings.LOCALGOV_DATA_DIR))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite, test in a file of this run (WAL, as the embedded default), not in memory.

    See docs/decisions/0006-sqlite-test-database-file.md: with a shared-cache memory database
    a live-server request and the main thread's flush deadlocked for ever. A file per run
    keeps concurrent runs apart; DJANGO_TEST_SQLITE_NAME still picks a fixed name.
    """
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and not database["TEST"].get("NAME"):
        database["TEST"]["NAME"] = str(tmp_path_factory.mktemp("sqlite") / "test.sqlite3")
    if splits_roles(connection):
        # The owner creates, migrates and at the end drops the test database (see below);
        # the application role's credentials come back for django_db_setup.
        return switch_role(connection, settings.DYZO_DATABASE_OWNER)
    return None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, django_db_modify_db_settings):
    """Load the real registry once per test database; tests share it read-only.

    With the PostgreSQL role split (DATABASE_OWNER_URL), the tests then run as the
    application role, as production does; the owner takes over again to drop the database.
    """
    application = django_db_modify_db_settings
    with django_db_blocker.unblock():
        _ensure_registry()
        if application is not None:
            grant_to_application(connection, application["USER"])
            owner = switch_role(connection, application)
    yield
    if application is not None:
        switch_role(connection, owner)


@pytest.fixture
def registry(request, db, django_db_blocker):
    """The real registry, loaded once per test database (see django_db_setup)."""
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames:
        request.getfixturevalue("live_registry")


@pytest.fixture
def live_registry(transactional_db, django_db_blocker):
    """The real registry for transactional tests: they flush the database, so load it again.

    Two fixtures rather than one because pytest-django orders tests by the database fixtures
    they name: plain `db` tests first, while the registry loaded at setup is still there.
    """
    with django_db_blocker.unblock():
        _ensure_registry()


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_role_permissions():
    """Role permissions are cached per process; a rolled-back test must not leave its own."""
    forget_role_permissions()
    yield
    forget_role_permissions()


@pytest.fixture(autouse=True)
def two_factor_off(settings):
    """Personas log in with their password only; dyzo/accounts/tests/test_two_factor*.py
    switch the TOTP step on (fixture `two_factor`)."""
    settings.DYZO_REQUIRE_2FA = False


@pytest.fixture
def two_factor(settings):
    """TOTP required for coordinators and administrators, as in production."""
    settings.DYZO_REQUIRE_2FA = True


@pytest.fixture
def password():
    return TEST_PASSWORD


def party(nis_code: str, kind: str) -> Party:
    return Party.objects.get(municipality__nis_code=nis_code, kind=kind)


@pytest.fixture
def gent(registry):
    return Municipality.objects.get(nis_code="44021")


@pytest.fixture
def aalst(registry):
    return Municipality.objects.get(nis_code="41002")


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", coordinator=True)


@pytest.fixture
def expert(db):
    return UserFactory(username="expert", expert=True)


@pytest.fixture
def analyst(db):
    return UserFactory(username="analyst", analyst=True)


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", administrator=True)


@pytest.fixture
def worker_of_gent(gent):
    return UserFactory(
        username="worker_gent",
        municipal_worker=True,
        parties=[party("44021", PartyKind.GEMEENTE), party("44021", PartyKind.OCMW)],
    )


@pytest.fixture
def worker_of_aalst(aalst):
    return UserFactory(
        username="worker_aalst", municipal_worker=True, parties=[party("41002", PartyKind.OCMW)]
    )


# Browser harness: Playwright drives Debian's chromium (Playwright cannot download its own here).
CHROMIUM = os.environ.get("DYZO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the ORM calls of the test
    # itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, live_registry):
    in_flight = RequestsInFlight.of(live_server)
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    # Closing the context ends the browser's connections; then every request the test caused
    # has ended before the database is flushed (this fixture is torn down before
    # transactional_db, which it depends on through live_registry).
    context.close()
    in_flight.wait_until_none()


def _authenticator_if_asked(user):
    if settings.DYZO_REQUIRE_2FA and requires_two_factor(user):
        return authenticator_of(user)
    return None


@pytest.fixture
def log_in(page, password):
    """Log in through the login form, as a person would."""

    def log_in_as(user):
        device = _authenticator_if_asked(user)
        page.goto("/accounts/login/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(password)
        page.get_by_role("button", name="Inloggen").click()
        if device is not None:
            # The second step (fixture `two_factor`): a code of the user's authenticator.
            page.wait_for_url("**/accounts/2fa/**")
            page.get_by_label("Code uit je authenticator-app").fill(code_for(device))
            page.get_by_role("button", name="Bevestigen").click()
        page.wait_for_url("**/")
        return page

    return log_in_as
