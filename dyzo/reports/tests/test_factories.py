import pytest

from dyzo.reports.constants import ReportStatus
from dyzo.reports.tests.factories import WrittenReportFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("trait", ["submitted", "approved", "delivered"])
def test_each_report_trait_builds(trait):
    report = WrittenReportFactory(**{trait: True})
    assert report.status == ReportStatus(trait)
    assert report.versions.count() == 1


def test_approved_reports_point_at_their_version():
    report = WrittenReportFactory(approved=True)
    assert report.approved_version == report.versions.get()
