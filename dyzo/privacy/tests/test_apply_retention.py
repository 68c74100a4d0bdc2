import datetime
import io

import pytest

from django.core.management import call_command

from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import Activity, Document, Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.classification import classify_year
from dyzo.insights.report import build_report
from dyzo.privacy.constants import ANONYMOUS_NAME, AnonymisationReason
from dyzo.privacy.models import Anonymisation
from dyzo.privacy.services import apply_retention
from dyzo.privacy.tests.conftest import old_closed_dossier
from dyzo.reports.models import ReportVersion, WrittenReport

TODAY = datetime.date.today()


def test_an_entrepreneur_closed_longer_ago_than_the_period_is_anonymised(old_dossier):
    result = apply_retention(years=5)

    entrepreneur = Entrepreneur.objects.get(pk=old_dossier.entrepreneur_id)
    assert result.entrepreneurs == 1
    assert (entrepreneur.first_name, entrepreneur.last_name) == (ANONYMOUS_NAME, ANONYMOUS_NAME)
    assert entrepreneur.date_of_birth is None
    assert entrepreneur.enterprise_number is None
    assert (entrepreneur.address, entrepreneur.phone, entrepreneur.email) == ("", "", "")
    assert entrepreneur.situation_notes == ""
    assert Anonymisation.objects.get(entrepreneur=entrepreneur).reason == (
        AnonymisationReason.RETENTION
    )


def test_the_dossier_stays_without_its_personal_text_and_files(
    old_dossier, media_root, django_capture_on_commit_callbacks
):
    assert any(path.is_file() for path in media_root.rglob("*"))

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention(years=5)

    dossier = Dossier.objects.get(pk=old_dossier.pk)
    assert (dossier.status, dossier.closed_on, dossier.reference) == (
        old_dossier.status,
        old_dossier.closed_on,
        old_dossier.reference,
    )
    assert dossier.help_request == ""
    assert set(dossier.status_changes.values_list("note", flat=True)) == {""}
    assert set(Activity.objects.filter(dossier=dossier).values_list("notes", flat=True)) == {""}
    assert not Document.objects.filter(dossier=dossier).exists()
    report = WrittenReport.objects.get(dossier=dossier)
    assert report.pdf.name == ""
    assert report.delivered_at is not None
    versions = ReportVersion.objects.filter(report=report)
    assert versions.exists()
    assert [version.sections for version in versions] == [{}] * versions.count()
    assert not any(path.is_file() for path in media_root.rglob("*"))


@pytest.mark.parametrize(
    "dossier_kwargs",
    [
        {"closed": True, "closed_on": TODAY - datetime.timedelta(days=365)},
        {"investigation": True, "opened_on": datetime.date(2017, 1, 5)},
    ],
    ids=["closed-recently", "still-open"],
)
def test_recent_or_open_dossiers_are_kept(registry, dossier_kwargs):
    dossier = DossierFactory(**dossier_kwargs)

    result = apply_retention(years=5)

    assert result.entrepreneurs == 0
    assert Entrepreneur.objects.get(pk=dossier.entrepreneur_id).last_name != ANONYMOUS_NAME


def test_one_recent_dossier_keeps_the_entrepreneur(old_dossier):
    DossierFactory(entrepreneur=old_dossier.entrepreneur, closed=True)

    assert apply_retention(years=5).entrepreneurs == 0


def test_old_advice_text_is_blanked_and_recent_advice_kept(old_advice):
    recent = AdviceEntryFactory()

    result = apply_retention(years=5)

    old_advice.refresh_from_db()
    recent.refresh_from_db()
    assert result.advice_entries == 1
    assert (old_advice.question, old_advice.advice, old_advice.asked_by) == ("", "", "")
    assert old_advice.topic and old_advice.minutes_spent  # What is counted stays.
    assert recent.question


def test_a_second_run_changes_nothing(old_dossier, old_advice):
    apply_retention(years=5)
    entries = AuditEntry.objects.count()

    result = apply_retention(years=5)

    assert (result.entrepreneurs, result.advice_entries, result.help_requests) == (0, 0, 0)
    assert AuditEntry.objects.count() == entries


def test_the_cooperation_report_figures_do_not_change(registry, old_advice):
    for municipality_code in ["44021", "41002"]:
        old_closed_dossier(municipality=_municipality(municipality_code))
    DossierFactory(closed=True, per_case=True, report_delivered_on=TODAY)
    years = [2018, TODAY.year]
    before = {year: build_report(year) for year in years}
    categories_before = {year: _categories(year) for year in years}

    assert apply_retention(years=5).entrepreneurs == 2

    assert {year: build_report(year) for year in years} == before
    assert {year: _categories(year) for year in years} == categories_before
    assert categories_before[2018]["41002"] == "pay_per_case"


def test_the_audit_trail_records_it_without_personal_data(old_dossier):
    name = old_dossier.entrepreneur.last_name

    apply_retention(years=5)

    entry = AuditEntry.objects.get(code="entrepreneur.anonymised")
    assert entry.object_id == str(old_dossier.entrepreneur_id)
    assert entry.data == {"reason": "retention", "dossiers": [old_dossier.pk]}
    assert name not in str(list(AuditEntry.objects.values_list("object_repr", "data")))
    assert AuditEntry.objects.filter(code="retention.applied").count() == 1


def test_command_prints_what_it_changed(old_dossier, settings):
    settings.DYZO_RETENTION_YEARS_AFTER_CLOSE = 5
    out = io.StringIO()

    call_command("apply_retention", stdout=out)

    assert "1 entrepreneurs anonymised" in out.getvalue()
    out = io.StringIO()
    call_command("apply_retention", stdout=out)
    assert "0 entrepreneurs anonymised" in out.getvalue()


def _municipality(nis_code):
    from dyzo.localgov.models import Municipality

    return Municipality.objects.get(nis_code=nis_code)


def _categories(year):
    return {form.municipality.nis_code: str(form.category) for form in classify_year(year)}
