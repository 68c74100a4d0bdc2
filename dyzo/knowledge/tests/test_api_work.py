import datetime

import pytest

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
    assert client.post("/api/v1/triages/", body, content_type="application/json").status_code == 400
    assert not Triage.objects.exists()


def test_survey_answer_through_the_api_once(client, worker_of_gent):
    survey = SurveyFactory()
    client.force_login(worker_of_gent)
    url = f"/api/v1/satisfaction-surveys/{survey.pk}/answer/"
    body = {"usefulness": 4, "clarity": 4, "timeliness": 5}
    assert client.post(url, body, content_type="application/json").status_code == 200
    assert client.post(url, body, content_type="application/json").status_code == 400


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
