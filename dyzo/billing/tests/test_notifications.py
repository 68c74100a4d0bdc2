"""Invoice issued and reminder sent go through notify() (in-app to the party's workers who
may see the invoice) and their PDF mail through the post-office queue: an SMTP outage
delays it, loses nothing, sends it once."""

import datetime

import pytest
from post_office.mail import send_queued
from post_office.models import STATUS, Email

from django.db import transaction

from dyzo.accounts.tests.factories import UserFactory
from dyzo.billing.documents import render_and_send
from dyzo.billing.services import send_reminder
from dyzo.billing.tests.factories import BillingPartyFactory, issued_invoice
from dyzo.conftest import party
from dyzo.localgov.constants import PartyKind
from dyzo.notifications.models import Notification
from dyzo.notifications.tests.backends import FlakySMTPBackend
from dyzo.notifications.tests.factories import NotificationPreferenceFactory

pytestmark = pytest.mark.issue(13)


@pytest.fixture
def people(registry, coordinator, worker_of_aalst):
    ocmw = UserFactory(
        username="ocmw_gent", municipal_worker=True, parties=[party("44021", PartyKind.OCMW)]
    )
    english = UserFactory(
        username="english_ocmw", municipal_worker=True, parties=[party("44021", PartyKind.OCMW)]
    )
    NotificationPreferenceFactory(user=english, english=True)
    UserFactory(
        username="gemeente_gent",
        municipal_worker=True,
        parties=[party("44021", PartyKind.GEMEENTE)],
    )
    return {"ocmw": ocmw, "english": english}


def told(event):
    return {n.recipient.username for n in Notification.objects.filter(event=event)}


def test_an_issued_invoice_is_told_to_the_buyer_party_s_workers_only(people, coordinator):
    invoice = issued_invoice(BillingPartyFactory(), actor=coordinator)

    assert told("invoice.issued") == {"ocmw_gent", "english_ocmw"}
    mails = {email.to[0]: email for email in Email.objects.all()}
    english = mails[people["english"].email]
    assert f"Dyzo issued {invoice.number} to" in english.subject
    assert f"Dyzo reikte {invoice.number} uit aan" in mails[people["ocmw"].email].subject


def test_the_invoice_pdf_waits_out_an_smtp_outage_and_is_sent_once(people, coordinator, mailoutbox):
    invoice = issued_invoice(BillingPartyFactory(), actor=coordinator)
    render_and_send(invoice.pk)
    [queued] = Email.objects.filter(to="facturen@example.org")
    assert queued.attachments.get().name == f"{invoice.number}.pdf"

    FlakySMTPBackend.down = True
    try:
        send_queued()
    finally:
        FlakySMTPBackend.down = False
    queued.refresh_from_db()
    assert queued.status != STATUS.sent and mailoutbox == []

    Email.objects.filter(pk=queued.pk).update(scheduled_time=None)
    send_queued()
    send_queued()
    sent = [mail for mail in mailoutbox if mail.to == ["facturen@example.org"]]
    assert len(sent) == 1
    assert sent[0].attachments[0][0] == f"{invoice.number}.pdf"
    assert sent[0].attachments[0][2] == "application/pdf"


def test_a_reminder_is_told_and_queued_once_per_reminder_with_the_reminder(people, coordinator):
    invoice = issued_invoice(BillingPartyFactory(), actor=coordinator)
    later = invoice.due_on + datetime.timedelta(days=12)

    with pytest.raises(RuntimeError), transaction.atomic():
        send_reminder(invoice, actor=coordinator, today=later)
        raise RuntimeError("the reminder's transaction fails")
    assert told("invoice.reminded") == set()
    assert not Email.objects.filter(to="facturen@example.org").exists()

    send_reminder(invoice, actor=coordinator, today=later)
    send_reminder(invoice, actor=coordinator, today=later + datetime.timedelta(days=14))

    assert told("invoice.reminded") == {"ocmw_gent", "english_ocmw"}
    assert Notification.objects.filter(event="invoice.reminded").count() == 4
    reminders = Email.objects.filter(to="facturen@example.org")
    assert reminders.count() == 2
    assert all("herinnering" in email.subject.lower() for email in reminders)
