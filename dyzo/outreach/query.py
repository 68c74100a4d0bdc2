import datetime

from dyzo.accounts.visibility import VisibleQuerySet


class ContactQuerySet(VisibleQuerySet):
    """Contacts are internal to Dyzo: coordinators, analysts and administrators see them all,
    municipal workers and experts none (ROW_SCOPES)."""

    rows = "contact"

    def follow_ups_due(self, on: datetime.date | None = None):
        """Contacts whose follow-up date is on or before `on` (today) and not yet done."""
        on = on or datetime.date.today()
        return self.filter(follow_up_on__lte=on, follow_up_done=False)


class DeclineReasonQuerySet(VisibleQuerySet):
    rows = "decline_reason"

    def of_year(self, year: int):
        return self.filter(year=year)
