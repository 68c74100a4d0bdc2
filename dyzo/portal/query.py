from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.portal.constants import RequestStatus


class HelpRequestQuerySet(VisibleQuerySet):
    """Coordinators see every request (they pick them up); a municipal worker those of the
    municipalities whose gemeente or OCMW they work for; nobody else any (ROW_SCOPES)."""

    rows = "help_request"

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def waiting(self):
        return self.filter(status=RequestStatus.SUBMITTED)
