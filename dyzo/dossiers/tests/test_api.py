import pytest

from dyzo.dossiers.models import Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import DossierFactory, EntrepreneurFactory

pytestmark = pytest.mark.django_db


def test_an_invalid_kbo_number_is_a_400_and_stores_nothing(client, coordinator):
    client.force_login(coordinator)
    body = {"first_name": "A", "last_name": "B", "municipality": "44021"}
    response = client.post(
        "/api/v1/entrepreneurs/",
        {**body, "enterprise_number": "0403.170.700"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "enterprise_number" in response.json()["fields"]
    assert not Entrepreneur.objects.exists()


def test_intake_through_the_api(client, coordinator, gent):
    client.force_login(coordinator)
    entrepreneur = EntrepreneurFactory()
    response = client.post(
        "/api/v1/dossiers/",
        {
            "entrepreneur": entrepreneur.pk,
            "case_type": "enterprise_scan",
            "municipality": "44021",
            "referring_party": "gemeente",
            "phase": "active",
            "opened_on": "2026-05-04",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["reference"] == "2026-0001"
    assert response.json()["basis"] == "not_covered"


@pytest.mark.issue(9)
def test_a_stale_version_is_refused_with_the_conflict_message(client, coordinator):
    dossier = DossierFactory()
    client.force_login(coordinator)
    url = f"/api/v1/dossiers/{dossier.pk}/"
    first = client.patch(url, {"phase": "active", "version": 1}, content_type="application/json")
    assert first.status_code == 200 and first.json()["version"] == 2
    second = client.patch(
        url,
        {"phase": "stopped", "version": 1},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert second.status_code == 409
    assert second.json()["code"] == "conflict"
    assert "Someone else saved this dossier" in second.json()["detail"]
    dossier.refresh_from_db()
    assert dossier.phase == "active"


def test_a_refused_transition_is_a_400(client, expert):
    dossier = DossierFactory()
    from dyzo.dossiers.tests.factories import TeamMemberFactory

    TeamMemberFactory(dossier=dossier, user=expert)
    client.force_login(expert)
    response = client.post(
        f"/api/v1/dossiers/{dossier.pk}/move/",
        {"to_status": "data_collection"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert Dossier.objects.get().status == "intake"


def test_report_path_through_the_api(client, coordinator, django_capture_on_commit_callbacks):
    dossier = DossierFactory(report_drafting=True, social=True)
    client.force_login(coordinator)
    sections = dict.fromkeys(
        ["household_and_income", "debts", "social_security", "assessment", "advice_to_ocmw"],
        "Tekst.",
    )
    draft = client.post(
        "/api/v1/reports/drafts/",
        {"dossier": dossier.pk, "sections": sections},
        content_type="application/json",
    )
    assert draft.status_code == 201 and draft.json()["number"] == 1
    report_id = dossier.report.pk
    for step in ("submit", "approve"):
        assert client.post(f"/api/v1/reports/{report_id}/{step}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        delivered = client.post(f"/api/v1/reports/{report_id}/deliver/")
    assert delivered.json()["status"] == "delivered" and delivered.json()["has_pdf"] is False
    pdf = client.get(f"/api/v1/reports/{report_id}/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    dossier.refresh_from_db()
    assert dossier.status == "report_delivered" and dossier.report_delivered_on
