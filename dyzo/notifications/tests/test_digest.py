"""The daily digest: one mail per person with what waited, never twice, nothing the person
may no longer see, nothing for a deactivated person."""

import pytest
from post_office.models import Email

from django.core.management import call_command

from dyzo.notifications.constants import Delivery
from dyzo.notifications.models import Notification
from dyzo.notifications.services import notify
from dyzo.notifications.tests.factories import NotificationPreferenceFactory
from dyzo.reports.tests.factories import WrittenReportFactory


@pytest.fixture
def two_reports(gent, ocmw_worker_of_gent):
    NotificationPreferenceFactory(user=ocmw_worker_of_gent, daily=True)
    reports = [
        WrittenReportFactory(
            delivered=True, dossier__municipality=gent, dossier__referring_party="ocmw"
        )
        for _ in range(2)
    ]
    for report in reports:
        notify("report.delivered", report, actor=None)
    return reports


def test_the_digest_mails_everything_that_waited_in_one_mail_once(two_reports, capsys):
    call_command("send_notification_digest")
    call_command("send_notification_digest")

    email = Email.objects.get()
    assert email.to == ["ocmw_gent@example.org"]
    for report in two_reports:
        assert f"/reports/{report.pk}/" in email.message
        assert report.dossier.reference in email.html_message
    assert "2 nieuwe meldingen" in email.subject
    assert set(Notification.objects.values_list("delivery", flat=True)) == {Delivery.DIGESTED}
    assert "ocmw_gent: 2 notifications in the digest" in capsys.readouterr().out


def test_the_digest_leaves_out_what_the_person_may_no_longer_see(two_reports, gent):
    hidden = two_reports[0].dossier
    hidden.municipality = type(gent).objects.get(nis_code="41002")
    hidden.save(update_fields=["municipality"])

    call_command("send_notification_digest")

    email = Email.objects.get()
    assert hidden.reference not in email.message
    assert two_reports[1].dossier.reference in email.message


def test_a_deactivated_person_gets_no_digest(two_reports, ocmw_worker_of_gent):
    ocmw_worker_of_gent.is_active = False
    ocmw_worker_of_gent.save(update_fields=["is_active"])

    call_command("send_notification_digest")

    assert Email.objects.count() == 0
    assert not Notification.objects.filter(delivery=Delivery.DIGEST).exists()
