import datetime

import pytest

from django.core.files.base import ContentFile

from dyzo.dossiers.tests.factories import (
    ActivityFactory,
    AdviceEntryFactory,
    DocumentFactory,
    DossierFactory,
)
from dyzo.reports.tests.factories import WrittenReportFactory
from dyzo.utils.tests.pdf import blank_pdf

LONG_AGO = datetime.date(2018, 3, 15)
PDF = blank_pdf()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def old_closed_dossier(**kwargs):
    """A per-case dossier of 2018 with everything personal a dossier can hold."""
    dossier = DossierFactory(
        closed=True,
        per_case=True,
        year=2018,
        opened_on=datetime.date(2018, 1, 10),
        status_changed_on=LONG_AGO,
        closed_on=LONG_AGO,
        report_delivered_on=datetime.date(2018, 2, 20),
        **kwargs,
    )
    ActivityFactory(dossier=dossier, notes="Gesprek thuis over de schulden.")
    DocumentFactory(dossier=dossier)
    report = WrittenReportFactory(delivered=True, dossier=dossier)
    report.pdf.save("report.pdf", ContentFile(PDF))
    dossier.status_changes.update(note="Zoon belde.")
    return dossier


@pytest.fixture
def old_dossier(registry):
    return old_closed_dossier()


@pytest.fixture
def old_advice(registry):
    return AdviceEntryFactory(asked_on=datetime.date(2018, 5, 2))
