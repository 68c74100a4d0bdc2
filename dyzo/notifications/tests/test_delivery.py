"""The queue worker: an SMTP outage delays mail and loses none; each mail goes out once;
retries wait longer each time; a mail that keeps failing shows its error."""

import datetime

import pytest
from post_office.models import STATUS, Email

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from dyzo.accounts.tests.factories import UserFactory
from dyzo.notifications.delivery import backoff, send_mail_queue
from dyzo.notifications.management.commands.send_mail_queue import single_worker
from dyzo.notifications.services import notify
from dyzo.notifications.tests.backends import FlakySMTPBackend
from dyzo.reports.tests.factories import WrittenReportFactory


@pytest.fixture
def smtp_down():
    FlakySMTPBackend.down = True
    yield
    FlakySMTPBackend.down = False


@pytest.fixture
def queued(gent, ocmw_worker_of_gent):
    report = WrittenReportFactory(
        delivered=True, dossier__municipality=gent, dossier__referring_party="ocmw"
    )
    notify("report.delivered", report, actor=None)
    return Email.objects.get()


def _due_now(email):
    """Let the clock reach the retry time without waiting for it."""
    Email.objects.filter(pk=email.pk).update(scheduled_time=timezone.now())


def test_a_queued_mail_is_sent_once(queued):
    assert send_mail_queue()["sent"] == 1
    assert send_mail_queue()["sent"] == 0

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ocmw_gent@example.org"]
    assert Email.objects.get().status == STATUS.sent


def test_an_smtp_outage_delays_the_mail_and_then_delivers_it_once(queued, smtp_down):
    assert send_mail_queue()["requeued"] == 1
    queued.refresh_from_db()
    assert queued.status == STATUS.requeued
    assert queued.scheduled_time > timezone.now()
    assert mail.outbox == []
    # Before its retry time the worker leaves it alone, even with the server back.
    FlakySMTPBackend.down = False
    assert send_mail_queue()["sent"] == 0

    _due_now(queued)
    assert send_mail_queue()["sent"] == 1
    send_mail_queue()

    assert len(mail.outbox) == 1
    queued.refresh_from_db()
    assert queued.status == STATUS.sent
    assert queued.logs.filter(status=STATUS.failed).count() == 1


def test_each_retry_waits_twice_as_long(settings, queued, smtp_down):
    settings.DYZO_MAIL_RETRY_FIRST_SECONDS = 60
    waits = []
    for _attempt in range(3):
        send_mail_queue()
        queued.refresh_from_db()
        waits.append(queued.scheduled_time - queued.last_updated)
        _due_now(queued)

    assert waits == [backoff(1), backoff(2), backoff(3)]
    assert waits == [datetime.timedelta(seconds=seconds) for seconds in (60, 120, 240)]


def test_the_wait_is_capped(settings):
    settings.DYZO_MAIL_RETRY_FIRST_SECONDS = 60
    settings.DYZO_MAIL_RETRY_MAX_SECONDS = 3600

    assert backoff(30) == datetime.timedelta(hours=1)


def test_a_mail_that_keeps_failing_ends_failed_with_its_error(settings, queued, smtp_down):
    settings.POST_OFFICE = {**settings.POST_OFFICE, "MAX_RETRIES": 2}
    for _attempt in range(3):
        send_mail_queue()
        _due_now(queued)

    queued.refresh_from_db()
    assert queued.status == STATUS.failed
    errors = list(queued.logs.filter(status=STATUS.failed).values_list("message", flat=True))
    assert errors == ["Connection unexpectedly closed"] * 3


def test_a_deactivated_users_waiting_mail_is_not_sent(queued, ocmw_worker_of_gent):
    ocmw_worker_of_gent.is_active = False
    ocmw_worker_of_gent.save(update_fields=["is_active"])

    counts = send_mail_queue()

    assert counts["expired"] == 1
    assert counts["sent"] == 0
    assert mail.outbox == []


def test_the_command_runs_one_pass_and_says_what_it_did(queued, capsys, tmp_path):
    call_command("send_mail_queue", lockfile=str(tmp_path / "mail.lock"))

    assert "sent 1, failed 0, to retry 0, expired 0" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_a_second_worker_does_nothing_while_one_runs(queued, capsys, tmp_path):
    with single_worker(str(tmp_path / "mail.lock")):
        call_command("send_mail_queue", lockfile=str(tmp_path / "mail.lock"))

    assert "Another mail queue worker is running" in capsys.readouterr().err
    assert mail.outbox == []


def test_a_pass_sends_every_batch_that_is_due(settings, queued, gent):
    settings.POST_OFFICE = {**settings.POST_OFFICE, "BATCH_SIZE": 2}
    for number in range(4):
        user = UserFactory(username=f"ocmw_{number}", municipal_worker=True)
        user.parties.set(gent.parties.filter(kind="ocmw"))
    report = WrittenReportFactory(
        delivered=True, dossier__municipality=gent, dossier__referring_party="ocmw"
    )
    notify("report.delivered", report, actor=None)

    assert send_mail_queue()["sent"] == 1 + 5
    assert len(mail.outbox) == 6
