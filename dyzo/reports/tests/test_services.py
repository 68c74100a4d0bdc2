import datetime

import pytest

from dyzo.agreements.constants import CaseType
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.tests.factories import DossierFactory, TeamMemberFactory
from dyzo.reports.constants import SECTIONS_BY_CASE_TYPE, ReportStatus
from dyzo.reports.errors import ReportError
from dyzo.reports.services import (
    approve_report,
    deliver_report,
    ensure_report_pdf,
    save_report_draft,
    submit_report,
)
from dyzo.reports.tests.factories import WrittenReportFactory, sections_for
from dyzo.utils.tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def test_each_save_adds_a_version(coordinator):
    dossier = DossierFactory(report_drafting=True)
    first = save_report_draft(dossier, {"situation": "Eerste"}, actor=coordinator)
    second = save_report_draft(dossier, {"situation": "Tweede"}, actor=coordinator)
    assert (first.number, second.number) == (1, 2)
    assert first.report.versions.count() == 2
    assert second.sections["situation"] == "Tweede"
    assert set(second.sections) == set(SECTIONS_BY_CASE_TYPE[CaseType.ENTERPRISE_SCAN])


def test_social_pre_investigations_have_their_own_sections(coordinator):
    dossier = DossierFactory(report_drafting=True, social=True)
    version = save_report_draft(dossier, {"advice_to_ocmw": "Steun toekennen"}, actor=coordinator)
    assert "advice_to_ocmw" in version.sections and "legal_analysis" not in version.sections


def test_unknown_sections_are_refused(coordinator):
    dossier = DossierFactory(report_drafting=True, social=True)
    with pytest.raises(ReportError):
        save_report_draft(dossier, {"legal_analysis": "x"}, actor=coordinator)


def test_no_report_before_the_investigation(coordinator):
    with pytest.raises(ReportError):
        save_report_draft(DossierFactory(data_collection=True), {}, actor=coordinator)


def test_an_expert_on_the_team_drafts_and_submits(expert):
    dossier = DossierFactory(report_drafting=True)
    TeamMemberFactory(dossier=dossier, user=expert)
    version = save_report_draft(dossier, sections_for(dossier.case_type), actor=expert)
    assert submit_report(version.report, actor=expert).status == ReportStatus.SUBMITTED


def test_an_expert_off_the_team_cannot_draft(expert):
    with pytest.raises(ReportError):
        save_report_draft(DossierFactory(report_drafting=True), {}, actor=expert)


def test_editing_a_submitted_report_returns_it_to_draft(coordinator):
    report = WrittenReportFactory(submitted=True)
    save_report_draft(report.dossier, sections_for(report.dossier.case_type), actor=coordinator)
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT


def test_an_expert_cannot_approve(expert):
    report = WrittenReportFactory(submitted=True)
    TeamMemberFactory(dossier=report.dossier, user=expert)
    with pytest.raises(ReportError, match="Only a coordinator"):
        approve_report(report, actor=expert)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_approval_needs_text_in_every_section(coordinator):
    dossier = DossierFactory(report_drafting=True)
    version = save_report_draft(dossier, {"situation": "Alleen dit"}, actor=coordinator)
    submit_report(version.report, actor=coordinator)
    with pytest.raises(ReportError, match="Every section"):
        approve_report(version.report, actor=coordinator)


def test_approval_freezes_the_latest_version(coordinator):
    report = approve_report(WrittenReportFactory(submitted=True), actor=coordinator)
    assert report.approved_version == report.versions.get()
    with pytest.raises(ReportError, match="approved"):
        save_report_draft(report.dossier, {}, actor=coordinator)


def test_delivery_needs_approval(coordinator):
    with pytest.raises(ReportError):
        deliver_report(WrittenReportFactory(submitted=True), actor=coordinator)


def test_delivery_moves_the_dossier_and_renders_a_dutch_pdf(
    coordinator, django_capture_on_commit_callbacks, tmp_path
):
    report = WrittenReportFactory(approved=True)
    with django_capture_on_commit_callbacks(execute=True):
        deliver_report(report, actor=coordinator)
    report.refresh_from_db()
    dossier = report.dossier
    dossier.refresh_from_db()
    assert report.status == ReportStatus.DELIVERED
    assert dossier.status == DossierStatus.REPORT_DELIVERED
    assert dossier.report_delivered_on == datetime.date.today()
    with report.pdf.open("rb") as stored:
        text = pdf_text(stored.read())
    assert "Schriftelijk rapport" in text
    assert dossier.reference in text
    assert "Tekst over financial_analysis." in text


def test_a_failed_rendering_does_not_undo_the_delivery(
    coordinator, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(*args, **kwargs):
        raise OSError("no fonts")

    monkeypatch.setattr("dyzo.reports.services.render_to_pdf", broken)
    report = WrittenReportFactory(approved=True)
    with django_capture_on_commit_callbacks(execute=True):
        deliver_report(report, actor=coordinator)
    report.refresh_from_db()
    assert report.status == ReportStatus.DELIVERED and not report.pdf
    assert "failed" in caplog.text
    monkeypatch.undo()
    assert ensure_report_pdf(report).pdf


@pytest.mark.issue(9)
def test_approving_ones_own_report_is_recorded_as_self_approved(
    client, coordinator, django_capture_on_commit_callbacks
):
    dossier = DossierFactory(report_drafting=True)
    version = save_report_draft(dossier, sections_for(dossier.case_type), actor=coordinator)
    submit_report(version.report, actor=coordinator)

    report = approve_report(version.report, actor=coordinator)

    assert report.self_approved is True
    entry = AuditEntry.objects.filter(code="report.approved").latest("pk")
    assert entry.data == {"version": 1, "self_approved": True}
    client.force_login(coordinator)
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Zelf goedgekeurd" in page
    with django_capture_on_commit_callbacks(execute=True):
        deliver_report(report, actor=coordinator)
    report.refresh_from_db()
    with report.pdf.open("rb") as stored:
        assert "(zelf goedgekeurd)" in pdf_text(stored.read())


@pytest.mark.issue(9)
def test_approving_someone_elses_report_is_not_self_approved(coordinator):
    report = approve_report(WrittenReportFactory(submitted=True), actor=coordinator)
    assert report.self_approved is False
