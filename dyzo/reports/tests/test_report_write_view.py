"""The report form is closed once the report is approved or delivered."""

import pytest

from django.urls import reverse

from dyzo.reports.models import ReportVersion
from dyzo.reports.tests.factories import WrittenReportFactory


@pytest.mark.parametrize("state", ["approved", "delivered"])
def test_the_form_of_an_approved_or_delivered_report_is_closed(client, coordinator, state):
    report = WrittenReportFactory(**{state: True})
    client.force_login(coordinator)
    url = reverse("reports:write", args=[report.dossier.pk])

    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response.url == reverse("reports:detail", args=[report.pk])
    page = client.get(url, follow=True, headers={"accept-language": "en"}).content.decode()
    assert "it can no longer be changed" in page
    assert ReportVersion.objects.filter(report=report).count() == 1


def test_a_draft_still_opens_the_form(client, coordinator):
    report = WrittenReportFactory()
    client.force_login(coordinator)
    response = client.get(reverse("reports:write", args=[report.dossier.pk]))
    assert response.status_code == 200
