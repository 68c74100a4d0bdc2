"""Who may reach which dossier, entrepreneur, advice and report page and endpoint.

Each row: a URL (built from objects of Gent and of Aalst), the method, and the expected
status per persona. The expert is on the team of the Gent dossier only; worker_of_gent
works for Gent, worker_of_aalst for Aalst. Analysts and administrators see nothing.
"""

import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import (
    AdviceEntryFactory,
    DocumentFactory,
    DossierFactory,
    TeamMemberFactory,
)
from dyzo.reports.tests.factories import WrittenReportFactory

PERSONAS = [
    "coordinator",
    "expert",
    "worker_of_gent",
    "worker_of_aalst",
    "analyst",
    "administrator",
]


def expect(*codes):
    return dict(zip(PERSONAS, codes, strict=True))


EVERYONE_BUT_ANALYSTS = expect(200, 200, 200, 200, 403, 403)
GENT = expect(200, 200, 200, 404, 403, 403)
AALST = expect(200, 404, 404, 200, 403, 403)
DYZO_ON_TEAM_GENT = expect(200, 200, 403, 403, 403, 403)
DYZO_ON_TEAM_AALST = expect(200, 404, 403, 403, 403, 403)
COORDINATOR_ONLY = expect(200, 403, 403, 403, 403, 403)

PAGES = [
    ("dossiers:list", None, EVERYONE_BUT_ANALYSTS),
    ("dossiers:create", None, COORDINATOR_ONLY),
    ("dossiers:dashboard", None, COORDINATOR_ONLY),
    ("dossiers:detail", "gent_dossier", GENT),
    ("dossiers:detail", "aalst_dossier", AALST),
    ("dossiers:edit", "gent_dossier", DYZO_ON_TEAM_GENT),
    ("dossiers:edit", "aalst_dossier", DYZO_ON_TEAM_AALST),
    ("dossiers:document", "gent_document", DYZO_ON_TEAM_GENT),
    ("dossiers:document", "aalst_document", DYZO_ON_TEAM_AALST),
    ("dossiers:entrepreneur_list", None, EVERYONE_BUT_ANALYSTS),
    ("dossiers:entrepreneur_detail", "gent_entrepreneur", GENT),
    ("dossiers:entrepreneur_detail", "aalst_entrepreneur", AALST),
    ("dossiers:entrepreneur_edit", "gent_entrepreneur", DYZO_ON_TEAM_GENT),
    ("dossiers:entrepreneur_edit", "aalst_entrepreneur", DYZO_ON_TEAM_AALST),
    ("dossiers:advice_list", None, EVERYONE_BUT_ANALYSTS),
    # The expert handled neither advice entry: they see only their own.
    ("dossiers:advice_detail", "gent_advice", expect(200, 404, 200, 404, 403, 403)),
    ("dossiers:advice_detail", "aalst_advice", AALST),
    ("dossiers:advice_edit", "gent_advice", expect(200, 404, 403, 403, 403, 403)),
    ("reports:list", None, EVERYONE_BUT_ANALYSTS),
    ("reports:detail", "gent_report", GENT),
    ("reports:detail", "aalst_report", AALST),
    ("reports:pdf", "gent_report", GENT),
    ("reports:pdf", "aalst_report", AALST),
    # The reports are delivered: the form is closed, those who may write go to the report.
    ("reports:write", "gent_dossier", expect(302, 302, 403, 403, 403, 403)),
    ("reports:write", "aalst_dossier", expect(302, 404, 403, 403, 403, 403)),
]

API = [
    ("get", "/api/v1/dossiers/", None, EVERYONE_BUT_ANALYSTS),
    ("get", "/api/v1/dossiers/{}/", "gent_dossier", GENT),
    ("get", "/api/v1/dossiers/{}/", "aalst_dossier", AALST),
    ("get", "/api/v1/dossiers/{}/team/", "gent_dossier", GENT),
    ("get", "/api/v1/dossiers/{}/team/", "aalst_dossier", AALST),
    ("get", "/api/v1/dossiers/{}/activities/", "gent_dossier", DYZO_ON_TEAM_GENT),
    ("get", "/api/v1/dossiers/{}/activities/", "aalst_dossier", DYZO_ON_TEAM_AALST),
    ("get", "/api/v1/dossiers/{}/documents/", "gent_dossier", DYZO_ON_TEAM_GENT),
    ("get", "/api/v1/dossiers/{}/documents/", "aalst_dossier", DYZO_ON_TEAM_AALST),
    ("get", "/api/v1/dossiers/{}/documents/{}/download/", "gent_document", DYZO_ON_TEAM_GENT),
    ("get", "/api/v1/dossiers/{}/documents/{}/download/", "aalst_document", DYZO_ON_TEAM_AALST),
    ("get", "/api/v1/entrepreneurs/", None, EVERYONE_BUT_ANALYSTS),
    ("get", "/api/v1/entrepreneurs/{}/", "gent_entrepreneur", GENT),
    ("get", "/api/v1/entrepreneurs/{}/", "aalst_entrepreneur", AALST),
    ("get", "/api/v1/advice-entries/", None, EVERYONE_BUT_ANALYSTS),
    ("get", "/api/v1/advice-entries/{}/", "gent_advice", expect(200, 404, 200, 404, 403, 403)),
    ("get", "/api/v1/advice-entries/{}/", "aalst_advice", AALST),
    ("get", "/api/v1/reports/", None, EVERYONE_BUT_ANALYSTS),
    ("get", "/api/v1/reports/{}/", "gent_report", GENT),
    ("get", "/api/v1/reports/{}/", "aalst_report", AALST),
    ("get", "/api/v1/reports/{}/pdf/", "gent_report", GENT),
    ("get", "/api/v1/reports/{}/pdf/", "aalst_report", AALST),
    # Drafts are working material: a worker sees the delivered report, not its versions.
    ("get", "/api/v1/reports/{}/versions/", "gent_report", expect(200, 200, 403, 404, 403, 403)),
    ("get", "/api/v1/reports/{}/versions/", "aalst_report", expect(200, 404, 404, 403, 403, 403)),
    # Writes: a worker may see the Gent dossier but never change it; the expert may change
    # only the dossier they are on. A PATCH without version is a 400.
    ("patch", "/api/v1/dossiers/{}/", "gent_dossier", expect(400, 400, 403, 403, 403, 403)),
    ("patch", "/api/v1/dossiers/{}/", "aalst_dossier", expect(400, 404, 403, 403, 403, 403)),
    ("post", "/api/v1/dossiers/{}/close/", "aalst_dossier", expect(200, 404, 403, 403, 403, 403)),
    (
        "patch",
        "/api/v1/entrepreneurs/{}/",
        "aalst_entrepreneur",
        expect(200, 404, 403, 403, 403, 403),
    ),
    ("patch", "/api/v1/advice-entries/{}/", "gent_advice", expect(200, 404, 403, 403, 403, 403)),
    ("post", "/api/v1/reports/{}/approve/", "aalst_report", expect(400, 403, 403, 403, 403, 403)),
]


@pytest.fixture
def world(db, gent, aalst, expert, coordinator):
    gent_report = WrittenReportFactory(delivered=True, dossier__municipality=gent)
    aalst_report = WrittenReportFactory(delivered=True, dossier__municipality=aalst)
    gent_dossier, aalst_dossier = gent_report.dossier, aalst_report.dossier
    TeamMemberFactory(dossier=gent_dossier, user=expert)
    return {
        "gent_dossier": gent_dossier,
        "aalst_dossier": aalst_dossier,
        "gent_report": gent_report,
        "aalst_report": aalst_report,
        "gent_entrepreneur": gent_dossier.entrepreneur,
        "aalst_entrepreneur": aalst_dossier.entrepreneur,
        "gent_document": DocumentFactory(dossier=gent_dossier),
        "aalst_document": DocumentFactory(dossier=aalst_dossier),
        "gent_advice": AdviceEntryFactory(municipality=gent, handled_by=coordinator),
        "aalst_advice": AdviceEntryFactory(municipality=aalst, handled_by=coordinator),
    }


def args_for(obj):
    if obj is None:
        return []
    if hasattr(obj, "dossier_id") and obj._meta.model_name == "document":
        return [obj.dossier_id, obj.pk]
    return [obj.pk]


def log_in(client, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    return user


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("name", "key", "expected"), PAGES)
def test_pages(client, request, world, persona, name, key, expected):
    log_in(client, request, persona)
    response = client.get(reverse(name, args=args_for(world.get(key))))
    response.close()  # Downloads stream from an open file.
    assert response.status_code == expected[persona]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("method", "path", "key", "expected"), API)
def test_api(client, request, world, persona, method, path, key, expected):
    log_in(client, request, persona)
    url = path.format(*args_for(world.get(key)))
    body = {"help_request": "x", "outcome": "stopped", "topic": "Nieuw", "sector": "bouw"}
    response = getattr(client, method)(url, body, content_type="application/json")
    response.close()
    assert response.status_code == expected[persona], response.content[:300]


@pytest.mark.parametrize("name", ["dossiers:list", "dossiers:entrepreneur_list", "reports:list"])
def test_anonymous_visitors_are_sent_to_the_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_api_calls_are_refused(client, db):
    assert client.get("/api/v1/dossiers/").status_code == 403


def test_lists_show_only_visible_rows(client, world, worker_of_aalst):
    client.force_login(worker_of_aalst)
    content = client.get(reverse("dossiers:list")).content.decode()
    assert world["aalst_dossier"].reference in content
    assert world["gent_dossier"].reference not in content
    rows = client.get("/api/v1/dossiers/").json()["results"]
    assert [row["id"] for row in rows] == [world["aalst_dossier"].pk]


def test_the_unused_factory_dossier_is_not_visible_to_the_expert(client, world, expert):
    other = DossierFactory()
    client.force_login(expert)
    rows = client.get("/api/v1/dossiers/").json()["results"]
    assert other.pk not in [row["id"] for row in rows]
