"""Every URL pattern, every persona, own and other objects: the access table holds.

The test is parametrized over the URL patterns the resolver knows, so a new endpoint
without a row in table.py fails here. Each request runs in a savepoint that is rolled
back, so one persona's allowed write cannot change what the next persona meets.
"""

import copy
import re

import pytest

from django.contrib import admin
from django.db import transaction
from django.test import Client
from django.urls import reverse

from dyzo.tests_access import checks
from dyzo.tests_access.routes import all_routes
from dyzo.tests_access.table import RULES
from dyzo.tests_access.world import MARKERS, PERSONAS

ROUTES = [route for route in all_routes() if not route.is_admin]
# The admin's own door (login, logout) is open to everyone; everything behind it needs staff.
ADMIN_DOOR = {"admin:login", "admin:logout"}
ADMIN_ROUTES = [route for route in all_routes() if route.is_admin and route.key not in ADMIN_DOOR]

# The entrepreneur names each persona must never meet on any page or API answer.
FORBIDDEN_MARKERS = {
    "anonymous": [MARKERS["own"], MARKERS["other"]],
    "coordinator": [],
    "expert": [MARKERS["other"]],
    "analyst": [MARKERS["own"], MARKERS["other"]],
    "administrator": [MARKERS["own"], MARKERS["other"]],
    "worker_of_gent": [MARKERS["other"]],
}


@pytest.fixture
def clients(world):
    """One logged-in client per persona, with the cookies to restore before each request."""
    result = {}
    for persona in PERSONAS:
        client = Client(raise_request_exception=False)
        if persona != "anonymous":
            client.force_login(world.users[persona])
        result[persona] = (client, copy.deepcopy(client.cookies))
    return result


def _send(clients, persona, method, url, *, api):
    """One request in a savepoint that is rolled back; returns the response and the
    model changes it made (read from the audit trail before the rollback)."""
    client, cookies = clients[persona]
    client.cookies = copy.deepcopy(cookies)
    with transaction.atomic():
        before = checks.last_audit_id()
        if method == "GET":
            response = client.get(url)
        elif api:
            response = client.generic(method, url, "{}", content_type="application/json")
        else:
            response = client.post(url, {})
        changes = checks.model_changes_since(before)
        transaction.set_rollback(True)
    # File downloads stream from an open file: read it to the end, which makes the test
    # client close it. (Calling response.close() again would close the test's database
    # connection on PostgreSQL through the request_finished signal.)
    if response.streaming:
        b"".join(response.streaming_content)
    return response, changes


def _sides(rule, world):
    if rule.kwargs is None:
        return [("own", world.own)]
    if not rule.sided:
        return [("own", world.own)]
    return [("own", world.own), ("other", world.other)]


def _url(route, rule, world, side) -> str:
    kwargs = rule.kwargs(world, side) if rule.kwargs else {}
    return reverse(route.name, kwargs=kwargs) + rule.query


def _expects_access(column: str, index: int, side_name: str) -> bool:
    letter = column.split()[index]
    return letter == "Y" or (letter == "O" and side_name == "own")


def _check_get(rule, index, side_name, response) -> str | None:
    if response.status_code >= 500:
        return "server error"
    if rule.get is None:
        return None if checks.is_refused_write(response) else "answers GET, table says it has none"
    if _expects_access(rule.get, index, side_name):
        return None if checks.is_allowed(response) else "expected allowed"
    return None if checks.is_denied(response) else "expected denied"


def _check_write(rule, index, side_name, response, changes, *, api) -> str | None:
    if response.status_code >= 500:
        return "server error"
    if rule.write is None:
        if changes:
            return f"changed data though the table says it writes nothing: {changes}"
        if api and not checks.is_refused_write(response):
            return "read-only API route accepted an unsafe method"
        return None
    if _expects_access(rule.write, index, side_name):
        return None if not checks.is_refused_write(response) else "expected write allowed"
    if changes:
        return f"expected write denied, but data changed: {changes}"
    if rule.write.split()[index] == "R" and side_name == "own":
        return None
    return None if checks.is_refused_write(response) else "expected write denied"


def _leaks(persona, response) -> list[str]:
    if not checks.is_allowed(response):
        return []
    text = checks.text_of(response)
    return [marker for marker in FORBIDDEN_MARKERS[persona] if marker in text]


def _problems_for(route, rule, world, clients) -> list[str]:
    problems = []
    write_methods = (route.api_unsafe_methods or ["POST"]) if route.is_api else ["POST"]
    for side_name, side in _sides(rule, world):
        url = _url(route, rule, world, side)
        for index, persona in enumerate(PERSONAS):
            response, _ = _send(clients, persona, "GET", url, api=route.is_api)
            where = f"{persona} GET {url} ({side_name}) -> {response.status_code}"
            if problem := _check_get(rule, index, side_name, response):
                problems.append(f"{where}: {problem}")
            if leaked := _leaks(persona, response):
                problems.append(f"{where}: shows {leaked}")
            for method in write_methods:
                response, changes = _send(clients, persona, method, url, api=route.is_api)
                problem = _check_write(rule, index, side_name, response, changes, api=route.is_api)
                if problem:
                    problems.append(
                        f"{persona} {method} {url} ({side_name}) -> {response.status_code}: "
                        f"{problem}"
                    )
    return problems


def test_every_url_pattern_has_a_name():
    unnamed = [route.route for route in ROUTES if route.name is None]
    assert not unnamed, f"Name these URL patterns so the access table can list them: {unnamed}"


def test_the_table_lists_only_existing_urls():
    keys = {route.key for route in ROUTES}
    assert sorted(set(RULES) - keys) == []


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.key)
def test_url_access_follows_the_table(route, world, clients):
    rule = RULES.get(route.key)
    assert rule is not None, (
        f"{route.key} ({route.route}) has no row in dyzo/tests_access/table.py: add the "
        "expected access of every persona before adding the endpoint."
    )

    problems = _problems_for(route, rule, world, clients)

    assert not problems, "\n".join(problems)


def _admin_object_id(route) -> str:
    """The primary key of an existing object of the route's model, so that pages behind
    the door render (some break on a missing object); "1" for routes without a model."""
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if route.key.startswith(prefix):
            pk = model._default_manager.values_list("pk", flat=True).first()
            return str(pk or 1)
    return "1"


def _admin_url(route) -> str:
    """The admin route with real or placeholder values: enough to see who gets past."""
    url = "/" + route.route.replace("^", "").replace("$", "")
    url = re.sub(r"\(\?P<app_label>[^)]*\)", "localgov", url)
    url = re.sub(r"\(\?P<url>[^)]*\)", "nothing/", url)
    return re.sub(r"<(?:\w+:)?\w+>", _admin_object_id(route), url)


@pytest.mark.parametrize("route", ADMIN_ROUTES, ids=lambda route: route.key)
def test_the_admin_requires_staff(route, world, clients):
    url = _admin_url(route)
    problems = []
    for persona in PERSONAS:
        staff = persona != "anonymous" and world.users[persona].is_staff
        # Staff only read: the admin's own forms are not what this test is about.
        for method in ("GET",) if staff else ("GET", "POST"):
            response, changes = _send(clients, persona, method, url, api=False)
            if response.status_code >= 500:
                problems.append(f"{persona} {method} {url}: server error")
            elif not staff and not (checks.is_denied(response) and not changes):
                problems.append(f"{persona} {method} {url} -> {response.status_code}: not staff")
    assert not problems, "\n".join(problems)
