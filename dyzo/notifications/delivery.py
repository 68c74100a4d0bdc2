"""The worker's side of the mail queue: django-post-office sends what is due; a failed
attempt is retried later, each time waiting twice as long (settings DYZO_MAIL_RETRY_*),
and after POST_OFFICE["MAX_RETRIES"] retries the mail stays `failed` with its error in
the outbox page and the admin."""

import datetime
import logging

from post_office import mail as post_office_mail
from post_office.models import STATUS, Email
from post_office.settings import get_batch_size

from django.conf import settings
from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


def backoff(retries: int) -> datetime.timedelta:
    """How long to wait before retry number `retries` (1, 2, ...): doubling, capped."""
    first = settings.DYZO_MAIL_RETRY_FIRST_SECONDS
    seconds = min(first * 2 ** max(retries - 1, 0), settings.DYZO_MAIL_RETRY_MAX_SECONDS)
    return datetime.timedelta(seconds=seconds)


def expire_mail_of_inactive_users(now: datetime.datetime) -> int:
    """A deactivated user gets nothing more: their waiting mails expire unsent."""
    waiting = Email.objects.filter(
        status__in=[STATUS.queued, STATUS.requeued],
        notifications__recipient__is_active=False,
    )
    return Email.objects.filter(pk__in=waiting.values("pk")).update(expires_at=now)


def _space_out_retries(since: datetime.datetime) -> None:
    """post-office requeues a failed mail after a fixed interval; ours doubles it."""
    requeued = Email.objects.filter(status=STATUS.requeued, last_updated__gte=since)
    for email in requeued.only("pk", "number_of_retries", "last_updated"):
        when = email.last_updated + backoff(email.number_of_retries or 1)
        Email.objects.filter(pk=email.pk).update(scheduled_time=when)


def send_mail_queue(max_batches: int = 100) -> dict[str, int]:
    """One pass over the queue: send every mail that is due, batch after batch (at most
    `max_batches` of POST_OFFICE["BATCH_SIZE"]). Returns the counts."""
    started = timezone.now()
    with transaction.atomic():
        expired = expire_mail_of_inactive_users(started)
    totals = {"sent": 0, "failed": 0, "requeued": 0, "expired": expired}
    for _batch in range(max_batches):
        sent, failed, requeued = post_office_mail.send_queued()
        totals.update(
            sent=totals["sent"] + sent,
            failed=totals["failed"] + failed,
            requeued=totals["requeued"] + requeued,
        )
        # A retried mail is rescheduled later, so each batch takes new mails only.
        if sent + failed + requeued < get_batch_size():
            break
    _space_out_retries(started)
    return totals
