"""Demo notifications. The other apps' demo data already goes through the services that
notify (help requests, teams, reports, signed agreements); this adds the daily events
(follow-ups due, dossiers overdue), a digest reader, and makes sure every role has
something to read. The mails wait in the queue: `send_mail_queue` prints them to the
console in development, and the outbox page lists them.

Safe to run again: every event notifies a person once.
"""

import datetime

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.notifications.constants import EmailMode
from dyzo.notifications.due import notify_due_work
from dyzo.notifications.models import Notification, NotificationPreference

# The accountant reads a daily digest instead of a mail per notification.
DIGEST_READER = "accountant"


def build_demo(stdout) -> None:
    NotificationPreference.objects.update_or_create(
        user=User.objects.get(username=DIGEST_READER),
        defaults={"email_mode": EmailMode.DAILY},
    )
    # The other demos refresh some of their objects; notifications of the old ones go.
    Notification.objects.orphaned().delete()
    counts = notify_due_work(datetime.date.today())
    per_role = {
        role.label: Notification.objects.filter(recipient__role=role).count() for role in Role
    }
    stdout.write(
        f"Notifications: {counts['follow_ups']} follow-ups due, {counts['overdue']} overdue "
        "dossiers; per role: " + ", ".join(f"{role} {count}" for role, count in per_role.items())
    )
