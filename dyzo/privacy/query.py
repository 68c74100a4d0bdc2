"""Which records the retention policy reaches (docs/privacy.md)."""

import datetime

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce

from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur
from dyzo.portal.models import HelpRequest
from dyzo.privacy.models import Anonymisation


def years_before(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February in a year without it.
        return today.replace(year=today.year - years, day=28)


def entrepreneurs_due(cutoff: datetime.date):
    """Entrepreneurs not yet anonymised whose dossiers are all finished on or before `cutoff`
    (closed or cancelled; the last status change counts when closed_on is empty). An
    entrepreneur without any dossier counts from the day the record was made."""
    blocking = (
        Dossier.objects.filter(entrepreneur=OuterRef("pk"))
        .annotate(finished=Coalesce(F("closed_on"), F("status_changed_on")))
        .filter(~Q(status__in=DossierStatus.finished_values()) | Q(finished__gt=cutoff))
    )
    has_dossier = Dossier.objects.filter(entrepreneur=OuterRef("pk"))
    return (
        Entrepreneur.objects.filter(Exists(has_dossier) | Q(created_at__date__lte=cutoff))
        .exclude(Exists(Anonymisation.objects.filter(entrepreneur=OuterRef("pk"))))
        .exclude(Exists(blocking))
    )


def advice_due(cutoff: datetime.date):
    """Phone and mail advice asked on or before `cutoff` that still holds text."""
    holds_text = ~Q(question="") | ~Q(advice="") | ~Q(asked_by="")
    return AdviceEntry.objects.filter(asked_on__lte=cutoff).filter(holds_text)


def help_requests_due(cutoff: datetime.date):
    """Portal help requests that never became a dossier, submitted on or before `cutoff`,
    that still name someone (those of a dossier go with its entrepreneur)."""
    names = ~Q(entrepreneur_first_name="") | ~Q(entrepreneur_last_name="") | ~Q(question="")
    return HelpRequest.objects.filter(dossier__isnull=True, created_at__date__lte=cutoff).filter(
        names | ~Q(enterprise_number="") | ~Q(decline_reason="")
    )
