import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.reports.tests.factories import WrittenReportFactory

URL = reverse("portal:dossier_list")


def test_the_list_shows_the_own_dossiers_with_status_and_report_link(
    client, worker_of_gent, gent, aalst
):
    open_dossier = DossierFactory(municipality=gent, investigation=True)
    report = WrittenReportFactory(delivered=True, dossier__municipality=gent)
    foreign = DossierFactory(municipality=aalst)
    client.force_login(worker_of_gent)

    response = client.get(URL)

    shown = {dossier.pk for dossier in response.context["page"].items}
    assert shown == {open_dossier.pk, report.dossier.pk}
    assert foreign.pk not in shown
    assert reverse("reports:pdf", args=[report.pk]) in response.content.decode()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_the_same_for_1_and_20_rows(
    client, worker_of_gent, gent, rows, django_assert_num_queries
):
    for _ in range(rows):
        WrittenReportFactory(delivered=True, dossier__municipality=gent)
    client.force_login(worker_of_gent)

    # Session, user, the user's municipalities, the area they cover (their own codes, the
    # registry and its mergers: 3), the page of dossiers (with municipality, entrepreneur
    # and report joined), the role's permissions for the navigation, the read's audit entry.
    with django_assert_num_queries(9):
        response = client.get(URL)

    assert len(response.context["page"].items) == rows
