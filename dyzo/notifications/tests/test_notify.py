"""notify(): once per event and person, only to active people who may see the object, mail
in the recipient's language without the entrepreneur's data, written with the event."""

import pytest
from post_office.models import Email

from django.db import transaction

from dyzo.accounts.tests.factories import UserFactory
from dyzo.notifications.constants import Delivery
from dyzo.notifications.models import Notification
from dyzo.notifications.registry import get_event
from dyzo.notifications.services import notify
from dyzo.notifications.tests.conftest import usernames
from dyzo.notifications.tests.factories import NotificationPreferenceFactory
from dyzo.reports.tests.factories import WrittenReportFactory


@pytest.fixture
def delivered(gent):
    return WrittenReportFactory(
        delivered=True,
        dossier__municipality=gent,
        dossier__referring_party="ocmw",
        dossier__entrepreneur__last_name="Zeldzaamnaam",
    )


def test_an_event_delivered_twice_notifies_and_mails_once(delivered, ocmw_worker_of_gent):
    first = notify("report.delivered", delivered, actor=None)
    again = notify("report.delivered", delivered, actor=None)

    assert usernames(first) == {"ocmw_gent"}
    assert again == []
    assert Notification.objects.count() == 1
    assert Email.objects.count() == 1


def test_a_deactivated_user_gets_nothing(delivered, ocmw_worker_of_gent):
    ocmw_worker_of_gent.is_active = False
    ocmw_worker_of_gent.save(update_fields=["is_active"])

    assert notify("report.delivered", delivered, actor=None) == []
    assert Email.objects.count() == 0


def test_a_user_no_longer_allowed_to_see_the_object_gets_nothing(
    gent, ocmw_worker_of_gent, worker_of_aalst
):
    # The referring worker has moved to Aalst: Gent's reports are closed to them now.
    report = WrittenReportFactory(
        delivered=True,
        dossier__municipality=gent,
        dossier__referring_party="ocmw",
        dossier__referring_worker=worker_of_aalst,
    )
    assert worker_of_aalst in get_event("report.delivered").recipients(report)

    assert usernames(notify("report.delivered", report, actor=None)) == {"ocmw_gent"}


def test_the_mail_is_in_the_recipients_language_with_a_link_and_no_personal_data(
    delivered, ocmw_worker_of_gent, gemeente_worker_of_gent
):
    english = UserFactory(username="english_ocmw", municipal_worker=True)
    english.parties.set(ocmw_worker_of_gent.parties.all())
    NotificationPreferenceFactory(user=english, english=True)

    notify("report.delivered", delivered, actor=None)

    by_recipient = {email.to[0]: email for email in Email.objects.all()}
    dutch = by_recipient["ocmw_gent@example.org"]
    in_english = by_recipient["english_ocmw@example.org"]
    reference = delivered.dossier.reference
    assert f"Dyzo leverde het schriftelijk rapport van dossier {reference} af." in dutch.subject
    assert f"Dyzo delivered the written report of dossier {reference}." in in_english.subject
    link = f"https://dyzo.example/reports/{delivered.pk}/"
    for email in (dutch, in_english):
        assert link in email.message
        assert f'href="{link}"' in email.html_message
        for text in (email.subject, email.message, email.html_message):
            assert "Zeldzaamnaam" not in text


def test_the_daily_digest_choice_queues_no_mail_now(delivered, ocmw_worker_of_gent):
    NotificationPreferenceFactory(user=ocmw_worker_of_gent, daily=True)

    (notification,) = notify("report.delivered", delivered, actor=None)

    assert notification.delivery == Delivery.DIGEST
    assert Email.objects.count() == 0


def test_no_email_choice_keeps_the_notification_in_the_app_only(delivered, ocmw_worker_of_gent):
    NotificationPreferenceFactory(user=ocmw_worker_of_gent, no_email=True)

    (notification,) = notify("report.delivered", delivered, actor=None)

    assert notification.delivery == Delivery.NONE
    assert Email.objects.count() == 0


def test_notifications_and_mails_are_written_with_the_event_or_not_at_all(
    transactional_db, gent, ocmw_worker_of_gent
):
    report = WrittenReportFactory(delivered=True, dossier__municipality=gent)

    with pytest.raises(RuntimeError), transaction.atomic():
        notify("report.delivered", report, actor=None)
        raise RuntimeError("the event's transaction fails after notify")

    assert Notification.objects.count() == 0
    assert Email.objects.count() == 0


def test_an_unknown_event_is_refused(delivered):
    with pytest.raises(LookupError):
        notify("report.lost", delivered, actor=None)
