"""Schemathesis against the committed OpenAPI schema: no request it generates may make the
API answer with a server error.

The cases run in-process against the WSGI application as a logged-in coordinator (the role
that may do the most), with the world of world.py in the database. Each call runs in a
savepoint that is rolled back, so a failed write cannot poison the rest. Bounded and
derandomized so the suite stays fast and repeatable.
"""

import hypothesis
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import Client

SCHEMA_PATH = settings.BASE_DIR / "docs" / "openapi.yaml"
CSRF_TOKEN = "schemathesisschemathesisschemath"  # 32 characters, as Django's secret.

schema = schemathesis.openapi.from_path(SCHEMA_PATH)


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


@pytest.fixture
def coordinator_cookies(world):
    client = Client()
    client.force_login(world.users["coordinator"])
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: CSRF_TOKEN,
    }


def _call_and_check(case, cookies):
    with transaction.atomic():
        response = case.call(app=application, cookies=cookies, headers={"X-CSRFToken": CSRF_TOKEN})
        transaction.set_rollback(True)
    case.validate_response(response, checks=[not_a_server_error])


SETTINGS = hypothesis.settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)


@schema.parametrize()
@SETTINGS
def test_api_answers_without_server_errors(case, coordinator_cookies):
    _call_and_check(case, coordinator_cookies)


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
