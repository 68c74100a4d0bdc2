import datetime

from django.db import models


class ContactQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Contacts are internal to Dyzo: only roles with the view permission see them,
        municipal workers never."""
        if not user.is_authenticated or user.is_municipal_worker:
            return self.none()
        if not user.has_perm("outreach.view_contact"):
            return self.none()
        return self

    def follow_ups_due(self, on: datetime.date | None = None):
        """Contacts whose follow-up date is on or before `on` (today) and not yet done."""
        on = on or datetime.date.today()
        return self.filter(follow_up_on__lte=on, follow_up_done=False)


class DeclineReasonQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated or user.is_municipal_worker:
            return self.none()
        if not user.has_perm("outreach.view_declinereason"):
            return self.none()
        return self

    def of_year(self, year: int):
        return self.filter(year=year)
