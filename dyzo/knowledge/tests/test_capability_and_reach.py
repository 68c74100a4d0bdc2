import datetime

import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.knowledge.capability import capability, capability_years
from dyzo.knowledge.models import GuideRead
from dyzo.knowledge.reach import REFERENCE, reach_of_year
from dyzo.knowledge.tests.factories import GuideFactory, RegistrationFactory, TriageFactory
from dyzo.localgov.models import Population

pytestmark = pytest.mark.issue(10)

YEAR = datetime.date.today().year


def test_capability_counts_per_municipality_and_year(gent, worker_of_gent):
    Population.objects.update_or_create(
        municipality=gent, year=YEAR, defaults={"inhabitants": 250000}
    )
    guide = GuideFactory()
    for day in range(6):
        GuideRead.objects.create(
            guide=guide,
            reader=worker_of_gent,
            municipality=gent,
            read_on=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=day),
        )
    TriageFactory.create_batch(2, self_answer=True)
    RegistrationFactory(attended_past=True, worker=worker_of_gent)
    AdviceEntryFactory.create_batch(5, municipality=gent)
    DossierFactory.create_batch(10, municipality=gent)
    figures = capability(gent, YEAR)
    assert figures["counts"]["guides_read"] == 6
    assert figures["counts"]["triage_self"] == "<5"
    assert figures["counts"]["referrals"] == 10
    assert figures["per_10000"]["referrals"] == 0.4
    assert figures["per_10000"]["triage_self"] is None  # Resting on a count below 5.
    assert [row["year"] for row in capability_years(gent)] == list(range(YEAR - 4, YEAR + 1))


def test_reach_shows_the_reference_and_hides_small_counts(gent, aalst):
    DossierFactory.create_batch(4, municipality=gent)
    AdviceEntryFactory.create_batch(2, municipality=gent)
    DossierFactory.create_batch(3, municipality=aalst)
    reach = reach_of_year(YEAR)
    assert reach["helped"] == 9
    assert reach["reference"]["count"] == REFERENCE["count"] == 23000
    provinces = {row["name"]: row["helped"] for row in reach["provinces"]}
    assert provinces["Oost-Vlaanderen"] == 9
    assert provinces["Limburg"] == "<5"
    gent_row = next(row for row in reach["municipalities"] if row["nis_code"] == "44021")
    assert gent_row["helped"] == 6
    # The year the population was counted goes with it (issue 11.2): the latest known one.
    latest = gent.populations.filter(year__lte=YEAR).order_by("-year").first()
    assert (gent_row["population"], gent_row["population_year"]) == (
        latest.inhabitants,
        latest.year,
    )


def test_the_reach_page_shows_the_source(client, analyst, registry):
    client.force_login(analyst)
    page = client.get(reverse("knowledge:reach", args=[YEAR])).content.decode()
    assert "23000" in page and "Bron:" in page
    assert "Inwoners (jaar van telling)" in page


def test_an_analyst_sees_capability_but_not_the_worker_pages(client, analyst, gent):
    client.force_login(analyst)
    assert client.get(reverse("knowledge:capability", args=["44021"])).status_code == 200
    assert client.get(reverse("knowledge:triage")).status_code == 403


@pytest.mark.parametrize("year", [0, 1999, YEAR + 1])
def test_a_year_without_figures_is_a_404(client, analyst, registry, year):
    client.force_login(analyst)
    assert client.get(f"/api/v1/reach/{year}/").status_code == 404
    assert client.get(f"/api/v1/impact-reports/44021/{year}/").status_code == 404
    assert client.get(reverse("knowledge:reach", args=[year])).status_code == 404
