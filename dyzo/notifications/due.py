"""The daily events that no request triggers: follow-ups due and dossiers overdue."""

import datetime

from django.db import transaction

from dyzo.dossiers.dashboard import overdue_days
from dyzo.dossiers.models import Dossier
from dyzo.notifications.services import notify
from dyzo.outreach.models import Contact


def notify_due_work(today: datetime.date) -> dict[str, int]:
    follow_ups = overdue = 0
    contacts = Contact.objects.follow_ups_due(today).select_related("municipality")
    for contact in contacts:
        with transaction.atomic():
            # A moved follow-up date is a new follow-up: the key holds the date.
            follow_ups += len(
                notify(
                    "contact.follow_up_due",
                    contact,
                    actor=None,
                    key=contact.follow_up_on.isoformat(),
                )
            )
    for dossier in Dossier.objects.in_status_longer_than(overdue_days(), today):
        with transaction.atomic():
            # Once per stay in a status: the key holds the status and since when.
            key = f"{dossier.status}:{dossier.status_changed_on.isoformat()}"
            overdue += len(notify("dossier.overdue", dossier, actor=None, key=key))
    return {"follow_ups": follow_ups, "overdue": overdue}
