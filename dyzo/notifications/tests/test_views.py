"""The pages: the header count, the list, opening and marking read, preferences, outbox."""

import pytest
from post_office.models import Email

from django.urls import reverse

from dyzo.accounts.tests.factories import UserFactory
from dyzo.audit.models import AuditEntry
from dyzo.notifications.constants import EmailMode
from dyzo.notifications.models import Notification, NotificationPreference
from dyzo.notifications.services import notify
from dyzo.notifications.tests.factories import NotificationFactory
from dyzo.reports.tests.factories import WrittenReportFactory


def test_the_header_shows_the_unread_count(client, coordinator):
    NotificationFactory.create_batch(3, recipient=coordinator)
    NotificationFactory(recipient=coordinator, read=True)
    NotificationFactory()  # someone else's
    client.force_login(coordinator)

    response = client.get(reverse("notifications:list"))

    assert b'<span class="count" aria-label="3 ongelezen meldingen">3</span>' in response.content


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_a_fixed_number_of_queries(
    client, coordinator, rows, django_assert_num_queries
):
    NotificationFactory.create_batch(rows, recipient=coordinator)
    client.force_login(coordinator)
    # 1 session, 2 user with its unread count, 3 the role's permissions, 4 one page,
    # 5 the read's audit entry
    with django_assert_num_queries(5):
        response = client.get(reverse("notifications:list"))
    assert response.content.count(b'class="unread"') == rows


def test_the_list_shows_only_the_own_notifications(client, coordinator, expert):
    mine = NotificationFactory(recipient=coordinator, params={"reference": "2026-0001"})
    NotificationFactory(recipient=expert, params={"reference": "2026-0999"})
    client.force_login(coordinator)

    response = client.get(reverse("notifications:list"))

    assert "2026-0001" in response.text
    assert "2026-0999" not in response.text
    assert mine.message in response.text


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, coordinator):
    notification = NotificationFactory(recipient=coordinator, url="/dossiers/")
    client.force_login(coordinator)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/dossiers/"
    notification.refresh_from_db()
    assert notification.is_read


def test_someone_elses_notification_cannot_be_opened(client, coordinator, expert):
    notification = NotificationFactory(recipient=expert)
    client.force_login(coordinator)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_mark_all_read_touches_only_the_own(client, coordinator, expert):
    NotificationFactory.create_batch(2, recipient=coordinator)
    other = NotificationFactory(recipient=expert)
    client.force_login(coordinator)

    client.post(reverse("notifications:read_all"))

    assert not Notification.objects.filter(recipient=coordinator, read_at=None).exists()
    other.refresh_from_db()
    assert not other.is_read


def test_preferences_are_saved_and_audited(client, expert):
    client.force_login(expert)

    response = client.post(
        reverse("notifications:preferences"), {"email_mode": "daily", "language": "en"}
    )

    assert response.status_code == 302
    preference = NotificationPreference.objects.get(user=expert)
    assert (preference.email_mode, preference.language) == (EmailMode.DAILY, "en")
    assert AuditEntry.objects.filter(code="notifications.preferences_changed").exists()


def test_bad_preferences_change_nothing(client, expert):
    client.force_login(expert)

    response = client.post(
        reverse("notifications:preferences"), {"email_mode": "hourly", "language": "fr"}
    )

    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
    assert not NotificationPreference.objects.exists()


@pytest.fixture
def two_mails(gent, worker_of_gent):
    other = UserFactory(username="other_worker", municipal_worker=True)
    other.parties.set(worker_of_gent.parties.all())
    report = WrittenReportFactory(
        delivered=True, dossier__municipality=gent, dossier__referring_party="ocmw"
    )
    notify("report.delivered", report, actor=None)
    assert Email.objects.count() == 2


def test_the_outbox_shows_a_person_their_own_mails(client, worker_of_gent, two_mails):
    client.force_login(worker_of_gent)

    response = client.get(reverse("notifications:outbox"))

    assert response.text.count("Dyzo leverde het schriftelijk rapport") == 1
    assert "other_worker@example.org" not in response.text


def test_the_outbox_shows_administrators_every_mail(client, administrator, two_mails):
    client.force_login(administrator)

    response = client.get(reverse("notifications:outbox"))

    assert response.text.count("Dyzo leverde het schriftelijk rapport") == 2
    assert "other_worker@example.org" in response.text


@pytest.mark.parametrize("rows", [1, 20])
def test_the_outbox_costs_a_fixed_number_of_queries(
    client, administrator, gent, rows, django_assert_num_queries
):
    for number in range(rows):
        user = UserFactory(username=f"ocmw_{number}", municipal_worker=True)
        user.parties.set(gent.parties.filter(kind="ocmw"))
    report = WrittenReportFactory(
        delivered=True, dossier__municipality=gent, dossier__referring_party="ocmw"
    )
    notify("report.delivered", report, actor=None)
    client.force_login(administrator)
    # 1 session, 2 user with its unread count, 3 the role's permissions, 4 one page of
    # mails, 5 their attempts, 6 the read's audit entry
    with django_assert_num_queries(6):
        response = client.get(reverse("notifications:outbox"))
    assert response.text.count("Dyzo leverde het schriftelijk rapport") == rows


def test_the_outbox_says_when_a_mail_was_dropped_for_a_deactivated_account(
    client, administrator, worker_of_gent, two_mails
):
    from dyzo.notifications.delivery import send_mail_queue

    worker_of_gent.is_active = False
    worker_of_gent.save(update_fields=["is_active"])
    send_mail_queue()
    client.force_login(administrator)

    response = client.get(reverse("notifications:outbox"))

    assert response.text.count("Niet verstuurd: het account van de ontvanger") == 1
    assert response.text.count("Verstuurd") == 1
