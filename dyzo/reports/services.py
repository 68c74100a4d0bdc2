"""The written report's life: versions saved, submitted, approved, delivered as a PDF."""

import json
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.services import record_transition
from dyzo.dossiers.workflow import COORDINATOR, actor_kinds
from dyzo.knowledge.surveys import open_survey
from dyzo.notifications.services import notify
from dyzo.reports.constants import ReportSection, ReportStatus
from dyzo.reports.errors import ReportError
from dyzo.reports.models import ReportVersion, WrittenReport
from dyzo.utils.pdf import render_to_pdf

logger = logging.getLogger(__name__)


def _check_author(dossier, actor) -> None:
    if not actor_kinds(dossier, actor):
        raise ReportError(_("Only the coordinator or an expert on the team can write the report."))


def _locked_report(dossier) -> WrittenReport:
    report, _created = WrittenReport.objects.get_or_create(dossier=dossier)
    return WrittenReport.objects.select_for_update().select_related("dossier").get(pk=report.pk)


@transaction.atomic
def save_report_draft(dossier, sections: dict[str, str], *, actor) -> ReportVersion:
    """Save the section texts as a new version. Editing a submitted report returns it to
    draft; an approved or delivered report is frozen."""
    _check_author(dossier, actor)
    if dossier.status not in DossierStatus.report_writing_values():
        raise ReportError(_("The report can be written during investigation and drafting."))
    report = _locked_report(dossier)
    if report.status not in (ReportStatus.DRAFT, ReportStatus.SUBMITTED):
        raise ReportError(_("This report is approved; it can no longer be changed."))
    unknown = set(sections) - set(report.section_keys)
    if unknown:
        raise ReportError(_("Unknown report sections: %(keys)s") % {"keys": ", ".join(unknown)})
    content = {key: (sections.get(key) or "").strip() for key in report.section_keys}
    last = report.versions.aggregate(last=Max("number"))["last"] or 0
    version = ReportVersion.objects.create(
        report=report, number=last + 1, content=json.dumps(content), author=actor
    )
    if report.status != ReportStatus.DRAFT:
        report.status = ReportStatus.DRAFT
        report.save(update_fields=["status", "updated_at"])
    audit.log(report, "report.version_saved", actor=actor, data={"version": version.number})
    return version


@transaction.atomic
def submit_report(report: WrittenReport, *, actor) -> WrittenReport:
    report = WrittenReport.objects.select_for_update().select_related("dossier").get(pk=report.pk)
    _check_author(report.dossier, actor)
    if report.status != ReportStatus.DRAFT or not report.versions.exists():
        raise ReportError(_("Only a saved draft can be submitted for approval."))
    report.status = ReportStatus.SUBMITTED
    report.save(update_fields=["status", "updated_at"])
    audit.log(report, "report.submitted", actor=actor)
    notify("report.submitted", report, actor=actor)
    return report


@transaction.atomic
def approve_report(report: WrittenReport, *, actor) -> WrittenReport:
    """A coordinator approves the latest version; that version is what gets delivered."""
    report = WrittenReport.objects.select_for_update().select_related("dossier").get(pk=report.pk)
    if COORDINATOR not in actor_kinds(report.dossier, actor):
        raise ReportError(_("Only a coordinator can approve a report."))
    if report.status != ReportStatus.SUBMITTED:
        raise ReportError(_("Only a report submitted for approval can be approved."))
    latest = report.versions.order_by("-number").first()
    if not all(latest.sections.values()):
        raise ReportError(_("Every section of the report needs text before approval."))
    report.status = ReportStatus.APPROVED
    report.approved_version = latest
    report.approved_by = actor
    report.approved_at = timezone.now()
    # A small team may have one coordinator, so approving one's own text is allowed, but
    # never silently: it is recorded, shown on the report and in the PDF (docs/written-reports.md).
    report.self_approved = report.versions.filter(author=actor).exists()
    report.save(
        update_fields=[
            "status",
            "approved_version",
            "approved_by",
            "approved_at",
            "self_approved",
            "updated_at",
        ]
    )
    data = {"version": latest.number, "self_approved": report.self_approved}
    audit.log(report, "report.approved", actor=actor, data=data)
    return report


@transaction.atomic
def deliver_report(report: WrittenReport, *, actor) -> WrittenReport:
    """Deliver the approved report to the referring party: the dossier moves to report
    delivered; the PDF is rendered once the delivery is committed."""
    report = WrittenReport.objects.select_for_update().select_related("dossier").get(pk=report.pk)
    if report.status != ReportStatus.APPROVED:
        raise ReportError(_("Only an approved report can be delivered."))
    now = timezone.now()
    record_transition(
        report.dossier,
        DossierStatus.REPORT_DELIVERED,
        actor=actor,
        report_delivered_on=timezone.localdate(now),
    )
    report.status = ReportStatus.DELIVERED
    report.delivered_at = now
    report.save(update_fields=["status", "delivered_at", "updated_at"])
    audit.log(report, "report.delivered", actor=actor)
    notify("report.delivered", report, actor=actor)
    open_survey(report, actor=actor)  # The referring party's satisfaction survey.
    # robust: a failed rendering is logged and retried on download; the delivery stands.
    transaction.on_commit(lambda: store_report_pdf(report.pk), robust=True)
    return report


def report_context(report: WrittenReport) -> dict:
    version = report.approved_version
    sections = version.sections if version else {}
    return {
        "report": report,
        "dossier": report.dossier,
        "entrepreneur": report.dossier.entrepreneur,
        "sections": [
            (ReportSection(key).label, sections.get(key, "")) for key in report.section_keys
        ],
        "version": version,
    }


@transaction.atomic
def store_report_pdf(report_id: int) -> WrittenReport:
    """Render and store the PDF of a delivered report. Idempotent: a stored PDF is kept.
    Runs after commit; a failure is logged and the download renders it again."""
    # Locked while rendering: two first downloads at once would otherwise both find no PDF
    # and store two copies. The second waits here, then finds the first one's file.
    report = (
        WrittenReport.objects.select_for_update(of=("self",))
        .select_related(
            "dossier__entrepreneur", "dossier__municipality", "approved_version", "approved_by"
        )
        .get(pk=report_id)
    )
    if report.pdf or report.status != ReportStatus.DELIVERED:
        return report
    logger.info("Rendering the PDF of report %s", report.pk)
    try:
        pdf = render_to_pdf("reports/written_report_pdf.html", report_context(report))
    except Exception:
        logger.exception("Rendering the PDF of report %s failed", report.pk)
        raise
    report.pdf.save(f"{report.dossier.reference}.pdf", ContentFile(pdf), save=False)
    report.save(update_fields=["pdf", "updated_at"])
    logger.info("Stored the PDF of report %s", report.pk)
    return report


def ensure_report_pdf(report: WrittenReport) -> WrittenReport:
    """The delivered report with its stored PDF, rendering it now if the after-commit
    rendering failed or has not run."""
    if report.pdf:
        return report
    return store_report_pdf(report.pk)
