"""Figures of knowledge transfer, quality and impact, as plain data for a scope and a year.

A scope is a set of municipality ids (a municipality with its predecessors, a province) or
None for all of Flanders. Every function counts in a fixed number of queries. Small counts
are hidden by `suppress` (docs/impact-report.md): the figures here are raw, the report
module decides what is shown.
"""

import datetime
import math
import statistics

from django.db.models import Avg, Count
from django.http import Http404

from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import AdviceEntry, Dossier
from dyzo.knowledge.constants import RegistrationStatus
from dyzo.knowledge.models import GuideRead, Registration, Survey, Triage
from dyzo.portal.models import HelpRequest

SMALL = 5  # Counts below this are shown as "<5" in the impact report and its exports.
FIRST_YEAR = 2000  # No figures before this year.


def checked_year(year: int) -> int:
    """`year` if figures can exist for it (FIRST_YEAR to this year), else a 404."""
    if not FIRST_YEAR <= year <= datetime.date.today().year:
        raise Http404
    return year


def _in(queryset, ids, field="municipality_id"):
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def help_requests(ids, year) -> int:
    return _in(HelpRequest.objects.filter(created_at__year=year), ids).count()


def advice(ids, year) -> int:
    return _in(AdviceEntry.objects.filter(asked_on__year=year), ids).count()


def dossiers_by_type(ids, year) -> dict[str, int]:
    """Dossiers opened in `year` by case type, cancelled ones left out."""
    rows = (
        _in(Dossier.objects.filter(year=year), ids)
        .exclude(status=DossierStatus.CANCELLED)
        .values("case_type")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["case_type"]: row["count"] for row in rows}


def outcomes(ids, year) -> dict[str, int]:
    """Outcomes of the dossiers closed in `year`."""
    rows = (
        _in(Dossier.objects.filter(closed_on__year=year, status=DossierStatus.CLOSED), ids)
        .values("outcome")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["outcome"]: row["count"] for row in rows if row["outcome"]}


def days_to_report(ids, year) -> list[int]:
    """Days from referral (the dossier's opening) to the delivered report, for the reports
    delivered in `year`."""
    pairs = _in(Dossier.objects.filter(report_delivered_on__year=year), ids).values_list(
        "opened_on", "report_delivered_on"
    )
    return sorted((delivered - opened).days for opened, delivered in pairs)


def median_and_p90(days: list[int]) -> tuple[float | None, int | None]:
    """The median and the 90th percentile (nearest rank) of `days`; None when empty."""
    if not days:
        return None, None
    ordered = sorted(days)
    return statistics.median(ordered), ordered[math.ceil(0.9 * len(ordered)) - 1]


def satisfaction(ids, year) -> dict:
    """Surveys answered in `year`: how many, and the average of each score."""
    return _in(Survey.objects.filter(answered_at__year=year), ids).aggregate(
        answers=Count("id"),
        usefulness=Avg("usefulness"),
        clarity=Avg("clarity"),
        timeliness=Avg("timeliness"),
    )


def trained(ids, year) -> dict:
    """Trainings of `year` attended from the scope, and the distinct staff who attended."""
    attended = _in(
        Registration.objects.filter(
            training__starts_at__year=year, status=RegistrationStatus.REGISTERED, attended=True
        ),
        ids,
    )
    return attended.aggregate(
        trainings=Count("training", distinct=True), staff=Count("worker", distinct=True)
    )


def guides_read(ids, year) -> int:
    return _in(GuideRead.objects.filter(read_on__year=year), ids).count()


def triage_outcomes(ids, year) -> dict[str, int]:
    rows = (
        _in(Triage.objects.filter(completed_on__year=year), ids)
        .values("outcome")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["outcome"]: row["count"] for row in rows}


def referrals(ids, year) -> int:
    """Cases referred to Dyzo: dossiers opened in `year` (cancelled ones included: the
    referral happened)."""
    return _in(Dossier.objects.filter(year=year), ids).count()


def helped(ids, year) -> int:
    """Entrepreneurs helped in `year`: dossiers opened (not cancelled) plus advice given."""
    dossiers = _in(Dossier.objects.filter(year=year), ids).exclude(status=DossierStatus.CANCELLED)
    return dossiers.count() + advice(ids, year)


def helped_per_municipality(year) -> dict[int, int]:
    """Entrepreneurs helped per municipality id in `year`, in two queries."""
    counts: dict[int, int] = {}
    dossier_rows = (
        Dossier.objects.filter(year=year)
        .exclude(status=DossierStatus.CANCELLED)
        .values("municipality_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    advice_rows = (
        AdviceEntry.objects.filter(asked_on__year=year)
        .values("municipality_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    for row in [*dossier_rows, *advice_rows]:
        counts[row["municipality_id"]] = counts.get(row["municipality_id"], 0) + row["count"]
    return counts


def suppress(count):
    """A count as the impact report shows it: "<5" below SMALL."""
    if count is None:
        return None
    return "<5" if count < SMALL else count
