"""Each role's start page: what needs them today, a few rows per kind with the total.

One function per role returns plain data (lists of at most WORKLIST_ROWS rows and their
counts); the home view only renders it. Municipal workers have the portal as start page."""

import dataclasses
import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.dossiers.dashboard import overdue
from dyzo.dossiers.models import Activity, Dossier
from dyzo.insights.report import build_report
from dyzo.outreach.models import Contact
from dyzo.portal.models import HelpRequest
from dyzo.reports.constants import ReportStatus
from dyzo.reports.models import WrittenReport

WORKLIST_ROWS = 8


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
            HelpRequest.objects.waiting().select_related("municipality").order_by("created_at"),
            reverse("portal:request_list"),
        ),
        _work(
            "reports_to_approve",
            _("Reports awaiting approval"),
            WrittenReport.objects.filter(status=ReportStatus.SUBMITTED)
            .select_related("dossier")
            .order_by("updated_at"),
            reverse("reports:list"),
        ),
        _work(
            "overdue_dossiers",
            _("Overdue dossiers"),
            overdue(Dossier.objects.all(), today),
            reverse("dossiers:dashboard"),
        ),
        _work(
            "follow_ups",
            _("Follow-ups due"),
            Contact.objects.follow_ups_due(today)
            .select_related("municipality")
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
            mine.open().select_related("entrepreneur", "municipality").order_by("opened_on"),
            reverse("dossiers:list"),
        ),
        _work(
            "next_activities",
            _("Next activities"),
            Activity.objects.filter(dossier__in=mine, happened_on__gte=today)
            .select_related("dossier")
            .order_by("happened_on", "id"),
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
