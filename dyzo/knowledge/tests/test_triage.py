import datetime

import pytest

from django.urls import reverse

from dyzo.conftest import party
from dyzo.knowledge import services
from dyzo.knowledge.constants import TriageOutcome, TriageQuestion
from dyzo.knowledge.errors import TriageError
from dyzo.knowledge.models import Triage
from dyzo.knowledge.tests.factories import TriageFactory
from dyzo.knowledge.triage import outcome_of
from dyzo.localgov.constants import PartyKind
from dyzo.portal.constants import RequestKind

pytestmark = pytest.mark.issue(10)

NO = dict.fromkeys(TriageQuestion.values, False)


@pytest.mark.parametrize(
    ("yes", "outcome"),
    [
        ([], TriageOutcome.ASK_DYZO),
        (["guide_answers"], TriageOutcome.SELF),
        (["procedure"], TriageOutcome.REFER),
        (["several_debts", "guide_answers"], TriageOutcome.REFER),
        (["viability"], TriageOutcome.REFER),
    ],
)
def test_the_rule_gives_one_of_three_outcomes(yes, outcome):
    assert outcome_of({**NO, **dict.fromkeys(yes, True)}) == outcome


def test_a_triage_stores_answers_only(worker_of_gent, topic):
    gent_ocmw = party("44021", PartyKind.OCMW)
    triage = services.record_triage(
        {**NO, "guide_answers": True}, party=gent_ocmw, topic=topic, actor=worker_of_gent
    )
    assert triage.outcome == TriageOutcome.SELF
    assert set(triage.answers) == set(TriageQuestion.values)
    assert triage.help_request is None


def test_incomplete_answers_are_refused(worker_of_gent):
    with pytest.raises(TriageError):
        services.record_triage(
            {"procedure": True}, party=party("44021", PartyKind.OCMW), actor=worker_of_gent
        )
    assert not Triage.objects.exists()


def test_a_worker_cannot_triage_for_another_municipality(worker_of_gent, aalst):
    with pytest.raises(TriageError):
        services.record_triage(NO, party=party("41002", PartyKind.OCMW), actor=worker_of_gent)


def test_outcomes_are_counted_per_municipality_and_year(worker_of_gent, aalst):
    last_year = datetime.date.today().replace(month=1, day=1) - datetime.timedelta(days=1)
    TriageFactory.create_batch(2)
    TriageFactory(self_answer=True)
    TriageFactory(self_answer=True, completed_on=last_year)
    TriageFactory(ask_dyzo=True, municipality=aalst)
    rows = {
        (row["municipality_id"], row["year"], row["outcome"]): row["count"]
        for row in Triage.objects.outcome_counts()
    }
    gent_id, year = worker_of_gent.municipality_ids().pop(), datetime.date.today().year
    assert rows == {
        (gent_id, year, TriageOutcome.REFER): 2,
        (gent_id, year, TriageOutcome.SELF): 1,
        (gent_id, year - 1, TriageOutcome.SELF): 1,
        (aalst.pk, year, TriageOutcome.ASK_DYZO): 1,
    }


def test_the_worker_walks_from_checklist_to_a_prefilled_help_request(client, worker_of_gent, topic):
    client.force_login(worker_of_gent)
    answers = {**dict.fromkeys(TriageQuestion.values, "no"), "procedure": "yes"}
    gent_ocmw = party("44021", PartyKind.OCMW)
    response = client.post(
        reverse("knowledge:triage"), {"on_behalf_of": gent_ocmw.pk, "topic": topic.pk, **answers}
    )
    triage = Triage.objects.get()
    assert response.url == reverse("knowledge:triage_result", args=[triage.pk])
    assert triage.outcome == TriageOutcome.REFER
    form_page = client.get(reverse("knowledge:triage_request", args=[triage.pk]))
    form = form_page.context["form"]
    assert form.initial["kind"] == RequestKind.ENTERPRISE_SCAN
    assert topic.name in form.initial["question"]
    client.post(
        reverse("knowledge:triage_request", args=[triage.pk]),
        {
            "on_behalf_of": gent_ocmw.pk,
            "kind": RequestKind.ENTERPRISE_SCAN,
            "entrepreneur_last_name": "Peeters",
            "phase": "in_difficulty",
            "question": form.initial["question"] + "Dagvaarding ontvangen.",
        },
    )
    triage.refresh_from_db()
    assert triage.help_request.entrepreneur_last_name == "Peeters"
    assert triage.help_request.municipality.nis_code == "44021"


def test_a_self_answer_offers_no_request(client, worker_of_gent):
    triage = TriageFactory(self_answer=True, completed_by=worker_of_gent)
    client.force_login(worker_of_gent)
    response = client.get(reverse("knowledge:triage_request", args=[triage.pk]))
    assert response.url == reverse("knowledge:triage_result", args=[triage.pk])


def test_another_municipality_s_triage_is_not_found(client, worker_of_aalst):
    triage = TriageFactory()
    client.force_login(worker_of_aalst)
    response = client.get(reverse("knowledge:triage_result", args=[triage.pk]))
    assert response.status_code == 404
