"""Searchable choices: municipalities with their validity, experts for coordinators only."""

import pytest

from django.urls import reverse

from dyzo.accounts.tests.factories import UserFactory

MUNICIPALITIES = reverse("localgov:municipality_choices")
EXPERTS = reverse("accounts:expert_choices")


def texts(response) -> list[str]:
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


def test_municipality_choices_show_validity(client, coordinator, registry):
    client.force_login(coordinator)
    found = texts(client.get(MUNICIPALITIES, {"q": "Deinze"}, headers={"accept-language": "en"}))
    assert "Deinze (44011, until 2018)" in found
    assert "Deinze (44083, from 2019)" in found
    dutch = texts(client.get(MUNICIPALITIES, {"q": "Deinze"}))
    assert "Deinze (44011, tot 2018)" in dutch


def test_municipality_choices_search_by_code(client, coordinator, registry):
    client.force_login(coordinator)
    assert texts(client.get(MUNICIPALITIES, {"q": "44021"})) == ["Gent (44021)"]


def test_municipality_choices_are_bounded(client, coordinator, registry):
    client.force_login(coordinator)
    assert len(texts(client.get(MUNICIPALITIES))) == 50


def test_worker_gets_only_own_municipalities(client, worker_of_gent, aalst):
    client.force_login(worker_of_gent)
    assert texts(client.get(MUNICIPALITIES)) == ["Gent (44021)"]
    assert texts(client.get(MUNICIPALITIES, {"q": "Aalst"})) == []


@pytest.mark.django_db
def test_expert_choices_search_active_experts(client, coordinator):
    # A name no Faker name contains: the personas' random names must not match.
    UserFactory(expert=True, first_name="Zeldzaamine", last_name="Vandamme")
    UserFactory(expert=True, first_name="Zeldzaamine", last_name="Weg", inactive=True)
    UserFactory(analyst=True, first_name="Zeldzaamine", last_name="Analist")
    client.force_login(coordinator)
    assert texts(client.get(EXPERTS, {"q": "zeldzaamine"})) == ["Zeldzaamine Vandamme"]


def test_expert_choices_are_for_coordinators_only(client, expert, worker_of_gent):
    for user in (expert, worker_of_gent):
        client.force_login(user)
        assert client.get(EXPERTS).status_code == 403


def test_current_choices_leave_out_former_municipalities(client, coordinator, registry):
    client.force_login(coordinator)
    found = texts(client.get(MUNICIPALITIES, {"q": "Deinze", "current": "1"}))
    assert found == ["Deinze (44083, vanaf 2019)"]


@pytest.mark.parametrize(
    "url", ["/dossiers/new/", "/dossiers/entrepreneurs/new/", "/dossiers/advice/new/"]
)
def test_forms_for_new_records_search_municipalities_instead_of_listing_them(
    client, coordinator, registry, url
):
    client.force_login(coordinator)
    page = client.get(url).content.decode()
    assert 'data-search-url="/municipalities/choices/?current=1"' in page
    assert page.count("<option") < 60
