import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.localgov.models import Municipality

THIS_YEAR = datetime.date.today().year


def forms_url(nis_code):
    return reverse("insights:municipality_forms", args=[nis_code])


def rows(response):
    return [(row["year"], row["category"], row["party"]) for row in response.context["rows"]]


def test_a_former_municipality_shows_the_years_it_existed(client, coordinator, imported_2018):
    client.force_login(coordinator)
    # Nevele (44049) merged into Deinze on 1 January 2019.
    # The illustrative file gives it an annual agreement with the OCMW.
    assert rows(client.get(forms_url("44049"))) == [(2018, "Jaarovereenkomst", "OCMW")]


def test_an_agreement_of_a_predecessor_counts_for_the_successor(client, coordinator, registry):
    nevele = Municipality.objects.get(nis_code="44049")
    AgreementFactory(
        municipality=nevele,
        form=AgreementForm.ANNUAL,
        party=AgreementParty.OCMW,
        signed=True,
        starts_on=datetime.date(2018, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
    )
    client.force_login(coordinator)
    by_year = {
        year: (category, party) for year, category, party in rows(client.get(forms_url("44083")))
    }
    assert set(by_year) == set(range(2019, THIS_YEAR + 1))
    assert by_year[2019] == ("Jaarovereenkomst", "OCMW")
    assert by_year[2020][0] is None  # "none" in a year without data: not known


def forms_queries(client, nis_code) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(forms_url(nis_code)).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.issue(14)
def test_the_fragment_answers_for_one_municipality(client, coordinator, registry, imported_2018):
    """Two queries for the forms of every year, not a classification of every municipality
    per year (about 45 queries before): the registry of each year comes from memory."""
    client.force_login(coordinator)
    years = THIS_YEAR - 2018 + 1
    # Cold: the role's permissions (then cached per process) and the registry of each year
    # (municipalities, mergers) are read once.
    assert forms_queries(client, "44021") == 4 + 2 * years + 3
    # 1 session, 2 user, 3 municipality, 4 agreements of every year (one UNION), 5 per-case
    # dossiers and advice of every year (EXISTS probes), 6 the years that have cooperation
    # data.
    assert forms_queries(client, "44021") == 6
    # Nevele existed in 2018 only: the same queries.
    assert forms_queries(client, "44049") == 6


def test_query_count_does_not_grow_with_the_data(client, coordinator, registry, imported_2018):
    client.force_login(coordinator)
    forms_queries(client, "44021")
    # Gent existed every year: the same queries with the 2018 import as in an empty year.
    forms_queries(client, "44021")  # reads the role's permissions once
    with_data = forms_queries(client, "44021")
    AgreementFactory.create_batch(5, signed=True, starts_on=datetime.date(2020, 1, 1))
    assert forms_queries(client, "44021") == with_data


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("coordinator", True), ("analyst", True), ("expert", False), ("worker_of_gent", False)],
)
def test_the_municipality_page_section_follows_the_permission(client, request, persona, shown):
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("localgov:municipality_detail", args=["44021"])).content.decode()
    assert (forms_url("44021") in page) is shown


@pytest.mark.issue(11)
def test_a_year_without_data_shows_no_data_instead_of_none(client, coordinator, imported_2018):
    client.force_login(coordinator)
    response = client.get(forms_url("44021"))  # Gent: nothing recorded after 2018
    by_year = {year: category for year, category, _party in rows(response)}
    assert by_year[2019] is None
    assert "Geen gegevens voor dit jaar" in response.content.decode()
