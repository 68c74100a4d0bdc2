"""The survey invitation and the training registration changes go through notify(): exact
recipients, once, in the recipient's language, queued in the event's transaction."""

import datetime

import pytest
from post_office.models import Email

from django.db import transaction

from dyzo.accounts.tests.factories import UserFactory
from dyzo.conftest import party
from dyzo.knowledge import trainings
from dyzo.knowledge.models import Survey
from dyzo.knowledge.surveys import open_survey
from dyzo.knowledge.tests.factories import RegistrationFactory, TrainingFactory
from dyzo.localgov.constants import PartyKind
from dyzo.notifications.models import Notification
from dyzo.notifications.tests.factories import NotificationPreferenceFactory
from dyzo.reports.services import deliver_report
from dyzo.reports.tests.factories import WrittenReportFactory

pytestmark = pytest.mark.issue(13)


@pytest.fixture(autouse=True)
def base_url(settings):
    settings.DYZO_BASE_URL = "https://dyzo.example"


def survey_mails():
    return {
        email.to[0]: email for email in Email.objects.all() if "/knowledge/survey/" in email.message
    }


@pytest.fixture
def approved_report(gent, worker_of_gent):
    return WrittenReportFactory(
        approved=True,
        dossier__municipality=gent,
        dossier__referring_party=PartyKind.OCMW,
        dossier__referring_worker=worker_of_gent,
        dossier__entrepreneur__last_name="Zeldzaamnaam",
    )


def test_survey_invitation_reaches_the_referring_party_in_their_language_without_login(
    approved_report, worker_of_gent, worker_of_aalst, coordinator, client, mailoutbox
):
    english = UserFactory(
        username="english_ocmw", municipal_worker=True, parties=[party("44021", PartyKind.OCMW)]
    )
    NotificationPreferenceFactory(user=english, english=True)
    UserFactory(
        username="gemeente_only", municipal_worker=True, parties=[party("44021", "gemeente")]
    )

    deliver_report(approved_report, actor=coordinator)

    survey = Survey.objects.get(report=approved_report)
    invited = Notification.objects.filter(event="survey.invited")
    assert {n.recipient.username for n in invited} == {"worker_gent", "english_ocmw"}
    mails = survey_mails()
    assert set(mails) == {worker_of_gent.email, english.email}
    # Queued in the delivery's transaction, nothing sent directly.
    assert mailoutbox == []
    link = f"https://dyzo.example/knowledge/survey/{survey.token}/"
    reference = approved_report.dossier.reference
    assert f"How useful was Dyzo's report on dossier {reference}?" in (mails[english.email].subject)
    assert f"Hoe nuttig was het rapport van Dyzo over dossier {reference}?" in (
        mails[worker_of_gent.email].subject
    )
    for mail in mails.values():
        assert link in mail.message and link in mail.html_message
        assert "Zeldzaamnaam" not in mail.subject + mail.message + mail.html_message
    # The link answers without login.
    assert client.get(link.removeprefix("https://dyzo.example")).status_code == 200


def test_survey_invitation_is_sent_once_and_rolls_back_with_the_delivery(
    approved_report, coordinator
):
    with pytest.raises(RuntimeError), transaction.atomic():
        deliver_report(approved_report, actor=coordinator)
        raise RuntimeError("the delivery fails after the survey")
    assert not Survey.objects.exists() and not Email.objects.exists()

    deliver_report(approved_report, actor=coordinator)
    open_survey(approved_report, actor=coordinator)
    assert Notification.objects.filter(event="survey.invited").count() == 1
    assert len(survey_mails()) == 1


def test_registration_is_confirmed_to_the_worker_only(gent, worker_of_gent, worker_of_aalst):
    training = TrainingFactory(capacity=1)
    ocmw = worker_of_gent.parties.get(kind=PartyKind.OCMW)

    trainings.register(training, party=ocmw, actor=worker_of_gent)

    [notification] = Notification.objects.all()
    assert (notification.event, notification.recipient) == ("training.registered", worker_of_gent)
    [mail] = Email.objects.all()
    assert mail.to == [worker_of_gent.email]
    assert training.title in mail.subject and "bevestigd" in mail.subject


def test_moving_from_the_waiting_list_tells_that_worker_once(gent, worker_of_gent, coordinator):
    training = TrainingFactory(capacity=1)
    taken = RegistrationFactory(training=training)
    ocmw = worker_of_gent.parties.get(kind=PartyKind.OCMW)
    waiting = trainings.register(training, party=ocmw, actor=worker_of_gent)
    assert Notification.objects.get().event == "training.waiting"

    promoted = trainings.cancel_registration(taken, actor=coordinator)

    assert promoted == waiting
    moved = Notification.objects.filter(event="training.promoted")
    assert [n.recipient for n in moved] == [worker_of_gent]
    assert Notification.objects.filter(recipient=taken.worker).count() == 0
    assert Email.objects.filter(to=worker_of_gent.email).count() == 2


def test_a_new_date_tells_the_registered_not_the_cancelled(gent, coordinator):
    training = TrainingFactory()
    kept = RegistrationFactory(training=training)
    RegistrationFactory(training=training, status="cancelled")
    data = {field: getattr(training, field) for field in trainings.TRAINING_FIELDS}
    data["starts_at"] = training.starts_at + datetime.timedelta(days=7)
    data["ends_at"] = training.ends_at + datetime.timedelta(days=7)

    trainings.save_training(data, actor=coordinator, training=training)
    trainings.save_training(data, actor=coordinator, training=training)

    changed = Notification.objects.filter(event="training.changed")
    assert [n.recipient for n in changed] == [kept.worker]
    assert Email.objects.count() == 1
