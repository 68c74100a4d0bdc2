"""Each role's start page: what needs them today, a few rows per kind with the total.

One function per role returns plain data (lists of at most WORKLIST_ROWS rows and their
counts); the home view only renders it. Municipal workers have the portal as start page,
which shows `worker_work` above the use of their municipalities. Each kind of work costs
at most two queries (its first rows, and its total when there are more), whatever the rows."""

import dataclasses
import datetime

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.dossiers.dashboard import overdue
from dyzo.dossiers.models import Activity, Dossier
from dyzo.insights.report import build_report
from dyzo.knowledge.models import Registration, Survey, Training
from dyzo.outreach.models import Contact
from dyzo.portal.models import HelpRequest
from dyzo.reports.constants import ReportStatus
from dyzo.reports.models import WrittenReport

WORKLIST_ROWS = 8
# Each list loads only the columns its rows show (_worklist.html): the SQL of a row with
# every column of three joined tables cost more to build than to run.
MUNICIPALITY_NAME = ("municipality", "municipality__name")
DOSSIER_ROW = (
    "reference",
    "status",
    "status_changed_on",
    "entrepreneur__first_name",
    "entrepreneur__last_name",
    *MUNICIPALITY_NAME,
)
# The worker's start page lists the reports of this many recent days: counting every report
# ever delivered would grow with ten years of history (docs/performance.md).
RECENT_REPORT_DAYS = 90


@dataclasses.dataclass
class Work:
    key: str
    title: str
    rows: list
    count: int
    more_url: str = ""


def _work(key, title, queryset, more_url="") -> Work:
    rows = list(queryset[:WORKLIST_ROWS])
    count = len(rows) if len(rows) < WORKLIST_ROWS else queryset.count()
    return Work(key, str(title), rows, count, more_url)


def coordinator_work(user, today: datetime.date) -> list[Work]:
    return [
        _work(
            "help_requests",
            _("New help requests"),
            HelpRequest.objects.waiting()
            .select_related("municipality")
            .only("kind", "created_at", *MUNICIPALITY_NAME)
            .order_by("created_at"),
            reverse("portal:request_list"),
        ),
        _work(
            "reports_to_approve",
            _("Reports awaiting approval"),
            WrittenReport.objects.filter(status=ReportStatus.SUBMITTED)
            .select_related("dossier")
            .only("updated_at", "dossier__reference")
            .order_by("updated_at"),
            reverse("reports:list"),
        ),
        _work(
            "overdue_dossiers",
            _("Overdue dossiers"),
            overdue(Dossier.objects.all(), today).only(*DOSSIER_ROW),
            reverse("dossiers:dashboard"),
        ),
        _work(
            "follow_ups",
            _("Follow-ups due"),
            Contact.objects.follow_ups_due(today)
            .select_related("municipality")
            .only("kind", "follow_up_on", *MUNICIPALITY_NAME)
            .order_by("follow_up_on"),
            reverse("outreach:follow_ups"),
        ),
    ]


def expert_work(user, today: datetime.date) -> list[Work]:
    mine = Dossier.objects.visible_to(user)
    return [
        _work(
            "open_dossiers",
            _("My open dossiers"),
            mine.open()
            .select_related("entrepreneur", "municipality")
            .only(*DOSSIER_ROW)
            .order_by("opened_on"),
            reverse("dossiers:list"),
        ),
        _work(
            "next_activities",
            _("Next activities"),
            Activity.objects.filter(dossier__in=mine, happened_on__gte=today)
            .select_related("dossier")
            .only("happened_on", "kind", "dossier__reference")
            .order_by("happened_on", "id"),
        ),
    ]


def worker_work(user, today: datetime.date) -> list[Work]:
    """A municipal worker's part of the portal's start page: their municipalities' help
    requests still with Dyzo, the reports delivered to them in the last RECENT_REPORT_DAYS
    days, the surveys waiting for their answer and the upcoming trainings with their own
    registration state."""
    own_status = (
        Registration.objects.active()
        .filter(training=OuterRef("pk"), worker=user)
        .values("status")[:1]
    )
    return [
        _work(
            "my_requests",
            _("Your help requests waiting for Dyzo"),
            HelpRequest.objects.visible_to(user)
            .waiting()
            .select_related("municipality")
            .only("kind", "created_at", *MUNICIPALITY_NAME)
            .order_by("created_at", "id"),
            reverse("portal:request_list") + "?waiting=1",
        ),
        _work(
            "delivered_reports",
            _("Reports delivered in the last 90 days"),
            WrittenReport.objects.filter(
                status=ReportStatus.DELIVERED,
                dossier__in=Dossier.objects.visible_to(user).filter(
                    report_delivered_on__gte=today - datetime.timedelta(RECENT_REPORT_DAYS)
                ),
            )
            .select_related("dossier__municipality")
            .only("delivered_at", "dossier__reference", "dossier__municipality__name")
            .order_by("-delivered_at", "-id"),
            reverse("portal:dossier_list"),
        ),
        _work(
            "surveys_waiting",
            _("Satisfaction surveys waiting for your answer"),
            Survey.objects.visible_to(user)
            .waiting()
            .select_related("report__dossier", "municipality")
            .only("invited_at", "report__dossier__reference", *MUNICIPALITY_NAME)
            .order_by("invited_at", "id"),
            reverse("knowledge:survey_list"),
        ),
        _work(
            "upcoming_trainings",
            _("Upcoming trainings"),
            Training.objects.upcoming()
            .annotate(own_status=Subquery(own_status))
            .only("title", "starts_at")
            .order_by("starts_at", "id"),
            reverse("knowledge:training_list"),
        ),
    ]


def analyst_figures(today: datetime.date) -> dict:
    report = build_report(today.year)
    return {
        "year": today.year,
        "total": report["total"],
        "url": reverse("insights:cooperation_report", args=[today.year]),
    }


def work_for(user, today: datetime.date | None = None) -> list[Work]:
    today = today or datetime.date.today()
    if user.role == Role.COORDINATOR:
        return coordinator_work(user, today)
    if user.role == Role.EXPERT:
        return expert_work(user, today)
    return []
