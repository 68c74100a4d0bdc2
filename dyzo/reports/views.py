from functools import partial

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.audit.reads import audits_read
from dyzo.dossiers.access import get_dossier_for_user
from dyzo.dossiers.models import Dossier
from dyzo.reports import services
from dyzo.reports.access import get_report_for_user, may_approve, may_write
from dyzo.reports.constants import SECTIONS_BY_CASE_TYPE, ReportSection, ReportStatus
from dyzo.reports.errors import ReportError
from dyzo.reports.forms import ReportSectionsForm
from dyzo.reports.models import WrittenReport
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.actions import run_service

needs_view = login_and_permission_required("reports.view_writtenreport")
needs_change = login_and_permission_required("reports.change_writtenreport")
needs_approve = login_and_permission_required("reports.approve_writtenreport")


@audits_read("report.listed")
@needs_view
def report_list(request):
    reports = (
        WrittenReport.objects.visible_to(request.user)
        .filter(status=ReportStatus.DELIVERED)
        .select_related("dossier__entrepreneur", "dossier__municipality")
        .order_by("-delivered_at", "-id")[:100]
    )
    return render(request, "reports/report_list.html", {"reports": reports})


@audits_read("report.viewed", model=WrittenReport)
@needs_view
def report_detail(request, pk):
    report = get_report_for_user(request.user, pk)
    writer = may_write(request.user, report)
    version = report.approved_version or (report.versions.first() if writer else None)
    context = {
        "report": report,
        "dossier": report.dossier,
        "sections": _labelled(report, version),
        "version": version,
        "versions": report.versions.select_related("author") if writer else [],
        "may_write": writer and report.status in (ReportStatus.DRAFT, ReportStatus.SUBMITTED),
        "may_submit": writer and report.status == ReportStatus.DRAFT and version is not None,
        "may_approve": may_approve(request.user, report)
        and report.status == ReportStatus.SUBMITTED,
        "may_deliver": may_approve(request.user, report) and report.status == ReportStatus.APPROVED,
        "is_delivered": report.status == ReportStatus.DELIVERED,
    }
    return render(request, "reports/report_detail.html", context)


def _labelled(report, version) -> list[tuple[str, str]]:
    texts = version.sections if version else {}
    return [(ReportSection(key).label, texts.get(key, "")) for key in report.section_keys]


@audits_read("report.viewed", model=Dossier, lookup="dossier_pk")
@needs_change
def report_write(request, dossier_pk):
    """Draft the report of a dossier: each save is a new version."""
    dossier = get_dossier_for_user(request.user, dossier_pk, change=True)
    report = getattr(dossier, "report", None)
    if report is not None and report.status in (ReportStatus.APPROVED, ReportStatus.DELIVERED):
        # The form is closed, not shown to be refused on saving.
        messages.info(
            request,
            _("This report is %(status)s: it can no longer be changed.")
            % {"status": report.get_status_display().lower()},
        )
        return redirect("reports:detail", pk=report.pk)
    latest = report.versions.first() if report else None
    form = ReportSectionsForm(
        request.POST or None,
        section_keys=SECTIONS_BY_CASE_TYPE[dossier.case_type],
        initial_texts=latest.sections if latest else {},
    )
    if request.method == "POST" and form.is_valid():
        try:
            version = services.save_report_draft(dossier, form.cleaned_data, actor=request.user)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Version %(n)s saved.") % {"n": version.number})
            return redirect("reports:detail", pk=version.report_id)
    return render(request, "reports/report_form.html", {"dossier": dossier, "form": form})


@require_POST
@needs_change
def report_submit(request, pk):
    report = get_report_for_user(request.user, pk, change=True)
    submit = partial(services.submit_report, report, actor=request.user)
    run_service(request, submit, _("Report submitted for approval."))
    return redirect("reports:detail", pk=report.pk)


@require_POST
@needs_approve
def report_approve(request, pk):
    report = get_report_for_user(request.user, pk, approve=True)
    run_service(
        request, partial(services.approve_report, report, actor=request.user), _("Report approved.")
    )
    return redirect("reports:detail", pk=report.pk)


@require_POST
@needs_approve
def report_deliver(request, pk):
    report = get_report_for_user(request.user, pk, approve=True)
    deliver = partial(services.deliver_report, report, actor=request.user)
    run_service(request, deliver, _("Report delivered to the referring party."))
    return redirect("reports:detail", pk=report.pk)


@audits_read("report.downloaded", model=WrittenReport)
@needs_view
def report_pdf(request, pk):
    report = get_report_for_user(request.user, pk)
    if report.status != ReportStatus.DELIVERED:
        messages.error(request, _("The PDF exists once the report is delivered."))
        return redirect("reports:detail", pk=report.pk)
    report = services.ensure_report_pdf(report)
    return FileResponse(
        report.pdf.open("rb"),
        as_attachment=True,
        filename=f"rapport-{report.dossier.reference}.pdf",
        content_type="application/pdf",
    )
