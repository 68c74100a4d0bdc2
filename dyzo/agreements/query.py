import datetime

from django.db import models
from django.db.models import Q

from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.agreements.constants import AgreementParty, AgreementStatus

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
        return self.filter(municipality_id__in=user.area_ids())

    def of_lineage(self, municipality):
        """The agreements of `municipality` and of every municipality that merged into it."""
        from dyzo.localgov.registry import area_ids

        last_day = municipality.valid_to or datetime.date.today()
        return self.filter(municipality_id__in=area_ids([municipality.pk], last_day))

    def covering(self, municipality, on: datetime.date, referring_party: str):
        """The agreements in force on `on` that cover a referral by `referring_party` (a
        PartyKind) of `municipality`: its own and those of the municipalities merged into it
        by then, signed by that party or by both (docs/decisions/0005-coverage-and-mergers.md)."""
        from dyzo.localgov.registry import area_ids

        return self.in_force_on(on).filter(
            municipality_id__in=area_ids([municipality.pk], on),
            party__in=[referring_party, AgreementParty.BOTH],
        )


class TariffScheduleQuerySet(models.QuerySet):
    def schedule_for_year(self, year: int):
        """The schedule of `year`, else the latest earlier one; None when there is none."""
        return self.filter(year__lte=year).order_by("-year").first()
