"""State changes of the insights app: the historical import of a year's cooperation, and
the day from which the app keeps every cooperation record."""

import dataclasses
import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.agreements.constants import AgreementForm, AgreementStatus
from dyzo.agreements.models import Agreement
from dyzo.audit import audit
from dyzo.dossiers.constants import AdviceChannel
from dyzo.dossiers.models import AdviceEntry
from dyzo.insights.constants import Category, DataSource
from dyzo.insights.errors import CooperationDataError
from dyzo.insights.importing import CooperationRow
from dyzo.insights.models import CooperationData
from dyzo.outreach.models import DeclineReason


@dataclasses.dataclass
class ImportSummary:
    year: int
    municipalities: int = 0
    agreements: int = 0
    advice_entries: int = 0
    decline_reasons: int = 0
    replaced: int = 0


def _agreement(row: CooperationRow, year: int) -> Agreement:
    january, december = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return Agreement(
        municipality=row.municipality,
        party=row.party,
        form=AgreementForm(row.form),
        status=AgreementStatus.SIGNED,
        starts_on=january,
        ends_on=december,
        signed_on=january,
        imported_for_year=year,
        notes=_("Imported from the cooperation figures of %(year)d.") % {"year": year},
    )


def _advice_placeholder(row: CooperationRow, year: int) -> AdviceEntry:
    # A placeholder only says "advice at a distance that year": no content, no person. Its
    # party is left empty because the historical figures do not say who asked.
    return AdviceEntry(
        municipality=row.municipality,
        party="",
        channel=AdviceChannel.PHONE,
        topic=_("Historical figures %(year)d") % {"year": year},
        asked_on=datetime.date(year, 1, 1),
        imported_for_year=year,
    )


def _delete_imported(year: int) -> int:
    deleted = Agreement.objects.filter(imported_for_year=year).delete()[0]
    deleted += AdviceEntry.objects.filter(imported_for_year=year).delete()[0]
    deleted += DeclineReason.objects.filter(year=year, imported=True).delete()[0]
    return deleted


def _decline_reasons(rows: list[CooperationRow], year: int) -> list[DeclineReason]:
    """The file's reasons, except those already entered by hand for that municipality and
    year: the manual row stays and counts the same."""
    manual = set(
        DeclineReason.objects.filter(year=year, imported=False).values_list(
            "municipality_id", "code", "text"
        )
    )
    return [
        DeclineReason(municipality=row.municipality, year=year, code=code, text=text, imported=True)
        for row in rows
        for code, text in row.reasons
        if (row.municipality.pk, code, text) not in manual
    ]


@transaction.atomic
def import_cooperation(year: int, rows: list[CooperationRow], *, actor=None) -> ImportSummary:
    """Replace the imported records of `year` by those the checked `rows` call for.

    Records entered in the app (agreements, advice, reasons without the import mark) and the
    imported records of other years are left alone. Municipalities missing from the rows get
    no record, so they count as `none` unless the app's own records say otherwise.
    """
    summary = ImportSummary(year=year, municipalities=len(rows))
    summary.replaced = _delete_imported(year)
    agreements = [_agreement(r, year) for r in rows if r.form in (AgreementForm.values)]
    summary.agreements = len(Agreement.objects.bulk_create(agreements))
    advice = [_advice_placeholder(r, year) for r in rows if r.form == Category.REMOTE_ONLY]
    summary.advice_entries = len(AdviceEntry.objects.bulk_create(advice))
    summary.decline_reasons = len(DeclineReason.objects.bulk_create(_decline_reasons(rows, year)))
    CooperationData.objects.get_or_create(source=DataSource.IMPORTED, year=year)
    audit.log(None, "cooperation.imported", actor=actor, data=dataclasses.asdict(summary))
    return summary


@transaction.atomic
def keep_cooperation_in_app(since: datetime.date, *, actor=None) -> CooperationData:
    """Record that from `since` on every agreement, dossier and piece of advice is entered in
    the app, so that the figures of that year (partly, unless `since` is 1 January) and of
    every later year are complete. Setting it again moves the day."""
    if since > datetime.date.today():
        raise CooperationDataError(_("The app cannot have kept records since a future day."))
    data, _created = CooperationData.objects.update_or_create(
        source=DataSource.APP, defaults={"year": since.year, "kept_since": since}
    )
    audit.log(data, "cooperation.kept_in_app", actor=actor, data={"since": since.isoformat()})
    return data
