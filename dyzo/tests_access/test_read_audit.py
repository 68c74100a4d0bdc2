"""Every URL pattern declares whether it shows personal data, and every read of personal data
writes its audit entry (dyzo/audit/reads.py, docs/audit.md).

Walks the URL patterns the resolver knows, as the access test does: a new view without a
declaration fails here, and so does one that shows an entrepreneur's name or help request
without writing an entry.
"""

import pytest

from django.db import transaction
from django.test import Client
from django.urls import resolve, reverse

from dyzo.audit.models import AuditEntry
from dyzo.audit.reads import declaration
from dyzo.tests_access import checks
from dyzo.tests_access.routes import all_routes
from dyzo.tests_access.table import RULES
from dyzo.tests_access.world import MARKERS, PERSONAS

pytestmark = pytest.mark.issue(9)

ROUTES = [route for route in all_routes() if not route.is_admin]


def _read_methods(route) -> list[str]:
    """GET when the route answers it: a viewset's action map says so, else the table."""
    actions = getattr(route.callback, "actions", None)
    if actions is not None:
        return ["GET"] if "get" in actions else []
    rule = RULES.get(route.key)
    return ["GET"] if rule is None or rule.get is not None else []


def _reader(rule) -> str | None:
    """The first persona the table lets read the own side's object."""
    for index, persona in enumerate(PERSONAS):
        if rule.get and rule.get.split()[index] in ("Y", "O"):
            return persona
    return None


def _get(world, persona, url):
    """GET `url` as `persona` in a savepoint that is rolled back; returns the response and
    the audit entries it wrote."""
    client = Client(raise_request_exception=False)
    if persona != "anonymous":
        client.force_login(world.users[persona])
    with transaction.atomic():
        before = checks.last_audit_id()
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        entries = list(AuditEntry.objects.filter(pk__gt=before).order_by("pk"))
        transaction.set_rollback(True)
    return response, entries


def _url(route, rule, world) -> str:
    kwargs = rule.kwargs(world, world.own) if rule.kwargs else {}
    return reverse(route.name, kwargs=kwargs) + rule.query


def _personal_text(response) -> bool:
    text = checks.text_of(response)
    return any(marker in text for marker in MARKERS.values())


def _problem(route, rule, world) -> str | None:
    persona = _reader(rule)
    url = _url(route, rule, world)
    path = url.split("?")[0]  # a rule may add a query string
    read = declaration(resolve(path), "GET")
    response, entries = _get(world, persona, url)
    where = f"{persona} GET {url} -> {response.status_code}"
    if not checks.is_allowed(response) or response.status_code >= 300:
        return None if response.status_code in (301, 302) else f"{where}: not a successful read"
    codes = [entry.code for entry in entries if not entry.code.endswith(checks.CHANGE_SUFFIXES)]
    if not read.is_personal:
        if _personal_text(response):
            return f"{where}: shows personal data but declares none"
        return f"{where}: wrote {codes} for no personal data" if codes else None
    if codes != [read.code]:
        return f"{where}: wrote {codes}, expected one {read.code!r}"
    entry = entries[-1]
    reader = world.users.get(persona)  # None: anonymous (a survey's e-mail link)
    if entry.actor_id != (reader.pk if reader else None) or entry.path != path:
        return f"{where}: entry names {entry.actor_username} at {entry.path}"
    if read.model and entry.object_id != str(resolve(path).kwargs[read.lookup]):
        return f"{where}: entry names object {entry.object_id}"
    return None


def test_every_view_declares_whether_it_shows_personal_data():
    undeclared = [
        f"{route.key} ({route.route})"
        for route in ROUTES
        for method in _read_methods(route)
        if declaration(_match(route), method) is None
    ]
    assert not undeclared, (
        "Declare what these views show (dyzo/audit/reads.py: audits_read, "
        f"shows_no_personal_data, read_audit): {undeclared}"
    )


def _match(route):
    rule = RULES.get(route.key)
    assert rule is not None, f"{route.key} has no row in dyzo/tests_access/table.py"

    class Match:
        func = route.callback
        namespaces = route.key.split(":")[:-1]

    return Match


def test_every_read_of_personal_data_writes_its_entry(world):
    problems = []
    for route in ROUTES:
        rule = RULES.get(route.key)
        if rule is None or rule.get is None or _reader(rule) is None:
            continue
        if problem := _problem(route, rule, world):
            problems.append(problem)

    assert not problems, "\n".join(problems)


def test_a_refused_read_writes_no_read_entry(world):
    url = reverse("dossiers:detail", kwargs={"pk": world.other.dossier.pk})

    response, entries = _get(world, "worker_of_gent", url)

    assert checks.is_denied(response)
    assert [entry.code for entry in entries] == []


def test_a_list_entry_names_the_rows_shown(world):
    response, entries = _get(world, "coordinator", reverse("dossiers:list"))

    assert response.status_code == 200
    [entry] = entries
    assert entry.code == "dossier.listed"
    assert set(entry.data["ids"]) >= {world.own.dossier.pk, world.other.dossier.pk}


def test_an_api_list_entry_names_the_rows_shown(world):
    response, entries = _get(world, "coordinator", reverse("entrepreneur-list"))

    assert response.status_code == 200
    [entry] = entries
    assert entry.code == "entrepreneur.listed"
    assert set(entry.data["ids"]) == {world.own.entrepreneur.pk, world.other.entrepreneur.pk}


def test_admin_pages_are_audited_as_reads(world):
    world.users["administrator"].is_superuser = True
    world.users["administrator"].save(update_fields=["is_superuser"])
    url = reverse("admin:dossiers_entrepreneur_changelist")

    response, entries = _get(world, "administrator", url)

    assert response.status_code == 200
    assert [entry.code for entry in entries if entry.code.startswith("admin.")] == ["admin.viewed"]


# The pages and endpoints the review of issue 9 found writing no entry.
FOUND_IN_REVIEW = [
    "portal:dossier_list",
    "reports:list",
    "dossiers:advice_list",
    "dossiers:edit",
    "dossiers:entrepreneur_edit",
    "dossier-activities",
    "dossier-documents",
    "dossier-team",
    "report-versions",
    "help-request-detail",
]


@pytest.mark.parametrize("key", FOUND_IN_REVIEW)
def test_the_reads_found_in_review_are_audited(key, world):
    route = next(route for route in ROUTES if route.key == key)
    rule = RULES[key]

    assert declaration(_match(route), "GET").is_personal
    assert _problem(route, rule, world) is None
