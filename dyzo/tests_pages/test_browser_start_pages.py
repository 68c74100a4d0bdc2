"""Each role logs in and finds on its start page what needs it today (issue 11 point 5)."""

import datetime

import pytest

from dyzo.dossiers.tests.factories import ActivityFactory, DossierFactory, TeamMemberFactory
from dyzo.knowledge.tests.factories import TrainingFactory
from dyzo.outreach.tests.factories import ContactFactory
from dyzo.portal.tests.factories import HelpRequestFactory
from dyzo.reports.tests.factories import WrittenReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.issue(11)]
TODAY = datetime.date.today()


def section(page, heading: str) -> str:
    """The text of the start page's section under `heading` (its list follows the heading)."""
    title = page.get_by_role("heading", name=heading)
    assert title.is_visible(), heading
    return title.locator("xpath=following-sibling::*[1]").inner_text()


def test_the_coordinator_starts_with_requests_reports_and_follow_ups(
    page, log_in, registry, coordinator
):
    request = HelpRequestFactory()
    report = WrittenReportFactory(submitted=True)
    contact = ContactFactory(follow_up_on=TODAY)
    log_in(coordinator)
    assert f"#{request.pk}" in section(page, "Nieuwe hulpvragen (1)")
    assert report.dossier.reference in section(page, "Verslagen die op goedkeuring wachten (1)")
    assert contact.municipality.name in section(page, "Op te volgen contacten (1)")


def test_the_expert_starts_with_own_dossiers_and_next_activities(page, log_in, registry, expert):
    mine = TeamMemberFactory(user=expert, dossier=DossierFactory(investigation=True)).dossier
    other = DossierFactory(investigation=True)
    ActivityFactory(dossier=mine, happened_on=TODAY + datetime.timedelta(days=3))
    log_in(expert)
    own = section(page, "Mijn open dossiers (1)")
    assert mine.reference in own and other.reference not in own
    assert mine.reference in section(page, "Volgende activiteiten (1)")


def test_the_worker_starts_with_requests_reports_and_trainings(
    page, log_in, registry, worker_of_gent
):
    request = HelpRequestFactory()
    delivered = WrittenReportFactory(delivered=True)
    training = TrainingFactory()
    log_in(worker_of_gent)
    page.wait_for_url("**/portal/")
    assert f"#{request.pk}" in section(page, "Je hulpvragen die wachten op Dyzo (1)")
    reports = section(page, "Verslagen bezorgd in de laatste 90 dagen (1)")
    assert delivered.dossier.reference in reports
    assert training.title in section(page, "Komende vormingen (1)")


def test_the_analyst_starts_with_the_latest_figures(page, log_in, registry, analyst):
    log_in(analyst)
    assert page.get_by_role("heading", name=f"Laatste cijfers: {TODAY.year}").is_visible()
