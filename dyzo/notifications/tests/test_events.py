"""Each event of the existing apps reaches exactly the right people, through the services
that cause it; nobody of another municipality hears of it."""

import datetime

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.constants import TeamRole
from dyzo.dossiers.models import TeamMember
from dyzo.dossiers.services import add_team_member
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.notifications.due import notify_due_work
from dyzo.notifications.models import Notification
from dyzo.notifications.tests.conftest import usernames
from dyzo.outreach.tests.factories import ContactFactory
from dyzo.portal.services import (
    decline_help_request,
    submit_help_request,
    take_up_help_request,
)
from dyzo.portal.tests.factories import HelpRequestFactory
from dyzo.reports.services import deliver_report, submit_report
from dyzo.reports.tests.factories import WrittenReportFactory

SCAN = {
    "kind": "enterprise_scan",
    "entrepreneur_first_name": "An",
    "entrepreneur_last_name": "Claes",
    "phase": "in_difficulty",
    "question": "Schulden bij de RSZ.",
}


def of_event(event: str) -> set[str]:
    return usernames(Notification.objects.filter(event=event).select_related("recipient"))


def test_a_submitted_help_request_reaches_the_active_coordinators_only(
    coordinator, other_coordinator, expert, worker_of_gent, worker_of_aalst, gent
):
    UserFactory(username="retired_coordinator", coordinator=True, inactive=True)
    ocmw = worker_of_gent.parties.get(kind="ocmw")

    submit_help_request(SCAN, party=ocmw, actor=worker_of_gent)

    assert of_event("help_request.submitted") == {"coordinator", "other_coordinator"}


def test_taking_up_a_request_tells_the_worker_who_submitted_it(
    coordinator, worker_of_gent, ocmw_worker_of_gent, worker_of_aalst
):
    help_request = HelpRequestFactory(submitted_by=worker_of_gent)

    take_up_help_request(help_request, actor=coordinator)

    assert of_event("help_request.taken_up") == {"worker_gent"}


def test_declining_a_request_tells_the_worker_who_submitted_it(
    coordinator, worker_of_gent, ocmw_worker_of_gent
):
    help_request = HelpRequestFactory(submitted_by=worker_of_gent)

    decline_help_request(help_request, "Buiten ons werkterrein.", actor=coordinator)

    assert of_event("help_request.declined") == {"worker_gent"}


def test_adding_an_expert_to_the_team_tells_that_expert(coordinator, expert, other_coordinator):
    dossier = DossierFactory()

    add_team_member(dossier, expert, actor=coordinator)

    assert of_event("dossier.assigned") == {"expert"}


def test_a_report_awaiting_approval_reaches_the_coordinator_of_the_dossier(
    coordinator, other_coordinator, expert
):
    report = WrittenReportFactory()
    TeamMember.objects.create(dossier=report.dossier, user=coordinator, role=TeamRole.COORDINATOR)
    TeamMember.objects.create(dossier=report.dossier, user=expert, role=TeamRole.LAWYER)

    submit_report(report, actor=expert)

    assert of_event("report.submitted") == {"coordinator"}


def test_a_delivered_report_reaches_the_referring_partys_workers_of_that_municipality(
    coordinator, ocmw_worker_of_gent, gemeente_worker_of_gent, worker_of_aalst, gent
):
    report = WrittenReportFactory(
        approved=True, dossier__municipality=gent, dossier__referring_party="ocmw"
    )

    deliver_report(report, actor=coordinator)

    assert of_event("report.delivered") == {"ocmw_gent"}


def test_a_due_follow_up_reaches_the_contacts_coordinator(coordinator, other_coordinator):
    ContactFactory(due=True, coordinator=coordinator)
    ContactFactory(later=True, coordinator=other_coordinator)

    notify_due_work(datetime.date.today())

    assert of_event("contact.follow_up_due") == {"coordinator"}


def test_an_overdue_dossier_reaches_its_coordinator(
    settings, coordinator, other_coordinator, worker_of_gent
):
    settings.DYZO_DOSSIER_OVERDUE_DAYS = 30
    long_ago = datetime.date.today() - datetime.timedelta(days=31)
    overdue = DossierFactory(investigation=True, status_changed_on=long_ago)
    TeamMember.objects.create(dossier=overdue, user=coordinator, role=TeamRole.COORDINATOR)
    recent = DossierFactory(investigation=True)
    TeamMember.objects.create(dossier=recent, user=other_coordinator, role=TeamRole.COORDINATOR)

    notify_due_work(datetime.date.today())

    assert of_event("dossier.overdue") == {"coordinator"}


def test_the_daily_events_notify_once_however_often_the_command_runs(settings, coordinator):
    settings.DYZO_DOSSIER_OVERDUE_DAYS = 30
    long_ago = datetime.date.today() - datetime.timedelta(days=31)
    dossier = DossierFactory(investigation=True, status_changed_on=long_ago)
    TeamMember.objects.create(dossier=dossier, user=coordinator, role=TeamRole.COORDINATOR)
    ContactFactory(due=True, coordinator=coordinator)

    first = notify_due_work(datetime.date.today())
    again = notify_due_work(datetime.date.today() + datetime.timedelta(days=1))

    assert first == {"follow_ups": 1, "overdue": 1}
    assert again == {"follow_ups": 0, "overdue": 0}
    assert Notification.objects.count() == 2


def test_the_actor_is_not_told_about_their_own_action(coordinator):
    report = WrittenReportFactory()
    TeamMember.objects.create(dossier=report.dossier, user=coordinator, role=TeamRole.COORDINATOR)

    submit_report(report, actor=coordinator)

    assert of_event("report.submitted") == set()


def test_a_signed_agreement_reaches_analysts_administrators_and_the_municipalitys_workers(
    coordinator, analyst, administrator, worker_of_gent, worker_of_aalst, expert, gent
):
    from dyzo.agreements.services import sign_agreement
    from dyzo.agreements.tests.factories import AgreementFactory

    agreement = AgreementFactory(municipality=gent, proposed=True)

    sign_agreement(
        agreement, actor=coordinator, signed_on=datetime.date.today(), without_document=True
    )

    assert of_event("agreement.signed") == {"analyst", "administrator", "worker_gent"}


def test_answering_a_question_tells_the_worker_who_asked(
    coordinator, worker_of_gent, ocmw_worker_of_gent
):
    from dyzo.portal.services import answer_help_request

    help_request = HelpRequestFactory(submitted_by=worker_of_gent, question_for_advice=True)

    answer_help_request(
        help_request, {"topic": "Premie", "advice": "Ja, onder voorwaarden."}, actor=coordinator
    )

    assert of_event("help_request.answered") == {"worker_gent"}
