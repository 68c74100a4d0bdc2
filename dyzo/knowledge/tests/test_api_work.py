import datetime

import pytest

from dyzo.audit.models import AuditEntry
from dyzo.knowledge.constants import RegistrationStatus, TriageOutcome, TriageQuestion
from dyzo.knowledge.models import Triage
from dyzo.knowledge.tests.factories import SurveyFactory, TrainingFactory
from dyzo.knowledge.tests.test_impact import cases  # noqa: F401 - the fixture

pytestmark = pytest.mark.issue(10)

GENT_OCMW = {"municipality": "44021", "party": "ocmw"}


def test_register_through_the_api_once(client, worker_of_gent):
    training = TrainingFactory(capacity=1)
    client.force_login(worker_of_gent)
    first = client.post(
        f"/api/v1/trainings/{training.pk}/register/", GENT_OCMW, content_type="application/json"
    )
    assert first.status_code == 201 and first.json()["status"] == RegistrationStatus.REGISTERED
    again = client.post(
        f"/api/v1/trainings/{training.pk}/register/", GENT_OCMW, content_type="application/json"
    )
    assert again.status_code == 400
    assert again.json()["code"] == "invalid" and "non_field_errors" in again.json()["fields"]
    listed = client.get("/api/v1/trainings/").json()["results"]
    assert listed[0]["registered"] == 1 and listed[0]["waiting"] == 0


def test_triage_through_the_api(client, worker_of_gent):
    client.force_login(worker_of_gent)
    answers = {**dict.fromkeys(TriageQuestion.values, False), "guide_answers": True}
    response = client.post(
        "/api/v1/triages/", {**GENT_OCMW, "answers": answers}, content_type="application/json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["outcome"] == TriageOutcome.SELF
    assert Triage.objects.get().municipality.nis_code == "44021"


def test_triage_for_another_municipality_is_a_400(client, worker_of_gent):
    client.force_login(worker_of_gent)
    answers = dict.fromkeys(TriageQuestion.values, False)
    body = {"municipality": "41002", "party": "ocmw", "answers": answers}
    response = client.post("/api/v1/triages/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and list(response.json()["fields"]) == ["party"]
    assert not Triage.objects.exists()


def test_survey_answer_through_the_api_once(client, worker_of_gent):
    survey = SurveyFactory()
    client.force_login(worker_of_gent)
    url = f"/api/v1/satisfaction-surveys/{survey.pk}/answer/"
    body = {"usefulness": 4, "clarity": 4, "timeliness": 5}
    assert client.post(url, body, content_type="application/json").status_code == 200
    again = client.post(url, body, content_type="application/json")
    assert again.status_code == 400
    assert set(again.json()) == {"detail", "code", "fields"} and again.json()["code"] == "invalid"


def test_the_impact_api_hides_small_counts(client, analyst, cases):  # noqa: F811
    client.force_login(analyst)
    year = datetime.date.today().year
    report = client.get(f"/api/v1/impact-reports/44021/{year}/").json()
    advice = next(row for row in report["rows"] if row["key"] == "advice")
    assert advice["municipality"] == "<5"
    counts = [
        row[column]
        for row in report["rows"]
        for column in ("municipality", "province", "flanders")
        if isinstance(row[column], int)
    ]
    assert counts and min(counts) >= 5


def test_reading_a_triage_or_survey_is_audited_and_a_training_is_not(client, worker_of_gent):
    """A triage (help request answers) and a survey (its report's dossier) are personal data;
    a training is not (docs/audit.md)."""
    client.force_login(worker_of_gent)
    answers = dict.fromkeys(TriageQuestion.values, False)
    created = client.post(
        "/api/v1/triages/", {**GENT_OCMW, "answers": answers}, content_type="application/json"
    )
    triage_id = created.json()["id"]
    survey = SurveyFactory()
    TrainingFactory()
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    for url in (
        f"/api/v1/triages/{triage_id}/",
        "/api/v1/satisfaction-surveys/",
        "/api/v1/trainings/",
    ):
        assert client.get(url).status_code == 200, url
    entries = AuditEntry.objects.filter(pk__gt=before).order_by("pk")
    assert [(entry.code, entry.object_id) for entry in entries] == [
        ("triage.viewed", str(triage_id)),
        ("survey.listed", ""),
    ]
    assert entries[1].data["ids"] == [survey.pk]
