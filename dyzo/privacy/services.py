"""Retention and erasure: personal data goes, the rows and every figure stay.

Anonymising an entrepreneur blanks their name, birth date, enterprise number, contact data
and notes, the free text of their dossiers (help request, status notes, activity notes),
the report texts, and deletes the uploaded documents and report PDFs. It keeps every row the
figures count (entrepreneur, dossiers with municipality, type, basis, status and dates,
reports with their dates), so the cooperation report of any year is the same before and
after. The audit trail needs no change: it holds ids and codes only.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db import transaction

from dyzo.audit import audit
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import Activity, Document, Dossier, DossierStatusChange, Entrepreneur
from dyzo.portal.models import HelpRequest
from dyzo.privacy import query
from dyzo.privacy.constants import ANONYMOUS_NAME, AnonymisationReason
from dyzo.privacy.errors import ErasureRefused
from dyzo.privacy.models import Anonymisation
from dyzo.reports.models import ReportVersion, WrittenReport

HELP_REQUEST_BLANK = {
    "entrepreneur_first_name": "",
    "entrepreneur_last_name": "",
    "enterprise_number": "",
    "question": "",
    "decline_reason": "",
}


@dataclasses.dataclass
class RetentionResult:
    cutoff: datetime.date
    entrepreneurs: int = 0
    advice_entries: int = 0
    help_requests: int = 0


@transaction.atomic
def anonymise_entrepreneur(entrepreneur: Entrepreneur, *, actor, reason: str) -> Anonymisation:
    """Remove the entrepreneur's personal data (idempotent: a second call changes nothing)."""
    if existing := Anonymisation.objects.filter(entrepreneur=entrepreneur).first():
        return existing
    dossier_ids = list(entrepreneur.dossiers.values_list("pk", flat=True))
    Entrepreneur.objects.filter(pk=entrepreneur.pk).update(
        first_name=ANONYMOUS_NAME,
        last_name=ANONYMOUS_NAME,
        date_of_birth=None,
        enterprise_number=None,
        address="",
        phone="",
        email="",
        situation_notes="",
    )
    _blank_dossiers(dossier_ids)
    record = Anonymisation.objects.create(
        entrepreneur=entrepreneur, reason=reason, anonymised_by=actor
    )
    audit.log(
        entrepreneur,
        "entrepreneur.anonymised",
        actor=actor,
        data={"reason": reason, "dossiers": dossier_ids},
    )
    return record


def _blank_dossiers(dossier_ids: list[int]) -> None:
    Dossier.objects.filter(pk__in=dossier_ids).update(help_request="")
    DossierStatusChange.objects.filter(dossier__in=dossier_ids).update(note="")
    Activity.objects.filter(dossier__in=dossier_ids).update(notes="")
    ReportVersion.objects.filter(report__dossier__in=dossier_ids).update(content="{}")
    HelpRequest.objects.filter(dossier__in=dossier_ids).update(**HELP_REQUEST_BLANK)
    documents = Document.objects.filter(dossier__in=dossier_ids)
    reports = WrittenReport.objects.filter(dossier__in=dossier_ids).exclude(pdf="")
    _delete_files_after_commit(
        [document.file for document in documents] + [report.pdf for report in reports]
    )
    documents.delete()
    reports.update(pdf="")


def _delete_files_after_commit(files) -> None:
    # Files are not transactional: delete them only once the blanked rows are committed.
    for stored in files:
        storage, name = stored.storage, stored.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def erase_entrepreneur(entrepreneur: Entrepreneur, *, actor) -> Anonymisation:
    """Erasure on request: anonymisation, refused while a dossier is in progress."""
    if entrepreneur.dossiers.exclude(status__in=DossierStatus.finished_values()).exists():
        raise ErasureRefused()
    return anonymise_entrepreneur(entrepreneur, actor=actor, reason=AnonymisationReason.ERASURE)


def apply_retention(*, today: datetime.date | None = None, years: int | None = None):
    """Anonymise what is older than the retention period; safe to run daily."""
    years = settings.DYZO_RETENTION_YEARS_AFTER_CLOSE if years is None else years
    cutoff = query.years_before(today or datetime.date.today(), years)
    result = RetentionResult(cutoff=cutoff)
    for entrepreneur in query.entrepreneurs_due(cutoff).iterator():
        anonymise_entrepreneur(entrepreneur, actor=None, reason=AnonymisationReason.RETENTION)
        result.entrepreneurs += 1
    with transaction.atomic():
        result.advice_entries = query.advice_due(cutoff).update(question="", advice="", asked_by="")
        result.help_requests = query.help_requests_due(cutoff).update(**HELP_REQUEST_BLANK)
        if result.advice_entries or result.help_requests or result.entrepreneurs:
            audit.log(None, "retention.applied", actor=None, data=_summary(result))
    return result


def _summary(result: RetentionResult) -> dict:
    return {
        "cutoff": result.cutoff.isoformat(),
        "entrepreneurs": result.entrepreneurs,
        "advice_entries": result.advice_entries,
        "help_requests": result.help_requests,
    }
