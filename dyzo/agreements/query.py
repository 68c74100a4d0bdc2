import datetime

from django.db import models
from django.db.models import Q

from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.agreements.constants import AgreementStatus

IN_FORCE_STATUSES = (AgreementStatus.SIGNED, AgreementStatus.TERMINATED)


class AgreementQuerySet(VisibleQuerySet):
    rows = "agreement"

    def signed(self):
        """Signed agreements, including terminated ones: those were in force until ends_on."""
        return self.filter(status__in=IN_FORCE_STATUSES)

    def in_force_during(self, year: int):
        """Signed agreements in force at any time in `year`."""
        return self.signed().filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=datetime.date(year, 1, 1)),
            starts_on__lte=datetime.date(year, 12, 31),
        )

    def in_force_on(self, date: datetime.date):
        return self.signed().filter(
            Q(ends_on__isnull=True) | Q(ends_on__gte=date), starts_on__lte=date
        )

    def of_form(self, form: str):
        return self.filter(form=form)

    def of_municipalities(self, user):
        """A municipal worker's agreements (ROW_SCOPES; every other role sees all): those of
        the municipalities whose gemeente or OCMW they work for, including the agreements of
        the municipalities that merged into them."""
        from dyzo.agreements.lineage import with_predecessors

        return self.filter(municipality_id__in=with_predecessors(user.municipality_ids()))

    def of_lineage(self, municipality):
        """The agreements of `municipality` and of every municipality that merged into it."""
        from dyzo.agreements.lineage import with_predecessors

        return self.filter(municipality_id__in=with_predecessors([municipality.pk]))


class TariffScheduleQuerySet(models.QuerySet):
    def schedule_for_year(self, year: int):
        """The schedule of `year`, else the latest earlier one; None when there is none."""
        return self.filter(year__lte=year).order_by("-year").first()
