"""Schemathesis against the committed OpenAPI schema: the API keeps its contract.

Every check of schemathesis runs on every generated case: no server error, a documented
status code, content type and headers, a body that matches the schema, schema-valid
requests accepted and schema-violating ones refused, and a request without the session
refused (docs/api.md). The cases run in-process against the WSGI application as a
logged-in coordinator (the role that may do the most), with the world of world.py in the
database, on whichever database the suite runs on (CI runs both). Each call runs in a
savepoint that is rolled back, so a failed write cannot poison the rest. A fixed number of
derandomized examples per operation keeps the run short and repeatable.
"""

import hypothesis
import pytest
import schemathesis

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client

SCHEMA_PATH = settings.BASE_DIR / "docs" / "openapi.yaml"
CSRF_TOKEN = "schemathesisschemathesisschemath"  # 32 characters, as Django's secret.

schema = schemathesis.openapi.from_path(SCHEMA_PATH)
# A NUL character is refused in every parameter before any view runs (a 400,
# dyzo/utils/middleware.py, tested there): no use sending it to every operation.
schema.config.generation.update(allow_x00=False)
# The cookies of the test being run (set by the fixture below, read by the auth provider).
SESSION: dict[str, str] = {}


def _buffered(app):
    """The WSGI app, with every answer read and closed as a server would: file downloads
    stream from open files that the test transport would otherwise leave open.

    As Django's test client does, the start and end of a request do not close the database
    connection here: it holds the test's transaction (on PostgreSQL it would be closed).
    """

    def wrapped(environ, start_response):
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            result = app(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    return wrapped


application = _buffered(get_wsgi_application())
# Every request, the checks' own included, goes to the application in this process.
schema.app = application


@schema.auth(refresh_interval=None)
class CoordinatorSession:
    """The coordinator's session as schemathesis's authentication, so that its checks know
    which part of a request authenticates it (and that without it the API must refuse)."""

    def get(self, case, context):
        return dict(SESSION)

    def set(self, case, data, context):
        case.cookies = {**(case.cookies or {}), **data}
        case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF_TOKEN}


@pytest.fixture
def coordinator_cookies(world):
    client = Client()
    client.force_login(world.users["coordinator"])
    cookies = {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: CSRF_TOKEN,
    }
    SESSION.update(cookies)
    yield cookies
    SESSION.clear()


def _call_and_check(case):
    with transaction.atomic():
        response = case.call(app=application)
        transaction.set_rollback(True)
    # Checks that send a request of their own (without the session, or with another
    # method) send it to the same application, also in a rolled-back savepoint.
    with transaction.atomic():
        case.validate_response(response)
        transaction.set_rollback(True)


SETTINGS = hypothesis.settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


@pytest.mark.issue(9)
@schema.parametrize()
@SETTINGS
def test_api_keeps_its_contract(case, coordinator_cookies):
    _call_and_check(case)


def test_the_cases_run_as_the_logged_in_coordinator(world, coordinator_cookies):
    """Guards the harness itself: a case sent like the generated ones gets past the login
    and sees the world, so the run above exercises the API and not only its 403."""
    case = schema["/api/v1/dossiers/"]["GET"].Case()

    response = case.call(
        app=application, cookies=coordinator_cookies, headers={"X-CSRFToken": CSRF_TOKEN}
    )

    assert response.status_code == 200
    references = {row["reference"] for row in response.json()["results"]}
    assert {world.own.dossier.reference, world.other.dossier.reference} <= references
