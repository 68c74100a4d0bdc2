from django.db import models

from dyzo.accounts.constants import Role
from dyzo.portal.constants import RequestStatus


class HelpRequestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators see every request (they pick them up); a municipal worker those of
        the municipalities whose gemeente or OCMW they work for; nobody else any."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.COORDINATOR:
            return self
        if user.role == Role.MUNICIPAL_WORKER:
            return self.filter(municipality_id__in=user.area_ids())
        return self.none()

    def waiting(self):
        return self.filter(status=RequestStatus.SUBMITTED)
