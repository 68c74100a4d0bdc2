"""Issue 10's "Done when" in a browser: a worker runs the triage, reads a guide, registers
for a training and answers a survey; a coordinator downloads the impact report PDF."""

import datetime

import pytest
from pypdf import PdfReader

from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.knowledge.constants import RegistrationStatus
from dyzo.knowledge.models import Registration, Triage
from dyzo.knowledge.tests.factories import (
    GuideFactory,
    SurveyFactory,
    TopicFactory,
    TrainingFactory,
)
from dyzo.localgov.models import Municipality


@pytest.mark.browser
@pytest.mark.issue(10)
@pytest.mark.django_db(transaction=True)
def test_worker_and_coordinator_walk_through_knowledge_transfer(
    page, log_in, registry, worker_of_gent, coordinator, tmp_path
):
    topic = TopicFactory(slug="bankruptcy", name="Faillissement en herstart", position=5)
    guide = GuideFactory(
        topic=topic,
        title="Na het faillissement opnieuw beginnen",
        body="Na een faillissement kan de ondernemer kwijtschelding vragen.",
    )
    training = TrainingFactory(title="Vorming faillissement", capacity=10)
    survey = SurveyFactory()
    gent = Municipality.objects.get(nis_code="44021")
    DossierFactory.create_batch(6, municipality=gent)

    log_in(worker_of_gent)
    page.goto("/knowledge/triage/")
    page.get_by_label("Namens").select_option(label="OCMW Gent")
    page.get_by_label("Thema van de vraag").select_option(label=topic.name)
    for question in ("procedure", "several_debts", "viability"):
        page.locator(f'input[name="{question}"][value="no"]').check()
    page.locator('input[name="guide_answers"][value="yes"]').check()
    page.get_by_role("button", name="De uitkomst bekijken").click()
    page.wait_for_url("**/knowledge/triage/*/")
    assert "Zelf beantwoorden met de gidsen" in page.locator("#triage-outcome").inner_text()
    assert Triage.objects.get().outcome == "self"

    page.get_by_role("link", name=guide.title).click()
    page.wait_for_url(f"**/knowledge/guides/{guide.pk}/")
    assert "Versie 1 van" in page.content()
    assert "kwijtschelding" in page.content()

    page.goto(f"/knowledge/trainings/{training.pk}/")
    page.get_by_label("Namens").select_option(label="OCMW Gent")
    page.get_by_role("button", name="Inschrijven").click()
    assert page.locator("#registration-status").inner_text() == "Ingeschreven"
    assert Registration.objects.get(worker=worker_of_gent).status == RegistrationStatus.REGISTERED

    page.goto("/knowledge/surveys/")
    page.get_by_role("link", name="De bevraging beantwoorden").click()
    for name, value in (("usefulness", "5"), ("clarity", "4"), ("timeliness", "4")):
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_role("button", name="Antwoord versturen").click()
    page.wait_for_url("**/knowledge/surveys/")
    survey.refresh_from_db()
    assert (survey.usefulness, survey.answered_by) == (5, worker_of_gent)

    page.get_by_role("button", name="Uitloggen").click()
    log_in(coordinator)
    year = datetime.date.today().year
    page.goto(f"/knowledge/impact/44021/{year}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    target = tmp_path / "impact.pdf"
    download.value.save_as(target)
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert f"Impactrapport Gent {year}" in text
    assert "Dossiers geopend 7" in text  # Six, and the dossier of the survey's report.
    assert "<5" in text
    assert [n for n in (int(t) for t in text.split() if t.isdigit()) if n < 5] == []
