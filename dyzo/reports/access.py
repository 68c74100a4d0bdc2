from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.dossiers.workflow import COORDINATOR, actor_kinds
from dyzo.reports.models import WrittenReport


def may_write(user, report) -> bool:
    return user.has_perm("reports.change_writtenreport") and bool(actor_kinds(report.dossier, user))


def may_approve(user, report) -> bool:
    return user.has_perm("reports.approve_writtenreport") and COORDINATOR in actor_kinds(
        report.dossier, user
    )


def get_report_for_user(user, pk, *, change: bool = False, approve: bool = False):
    """The report `pk` if visible (404 otherwise); 403 when the user may not write
    (`change`) or approve and deliver (`approve`) it."""
    report = get_object_or_404(
        WrittenReport.objects.visible_to(user).select_related(
            "dossier__entrepreneur", "dossier__municipality", "approved_by", "approved_version"
        ),
        pk=pk,
    )
    if (change and not may_write(user, report)) or (approve and not may_approve(user, report)):
        raise PermissionDenied
    return report
