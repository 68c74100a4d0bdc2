import datetime

import pytest

from django.urls import reverse

from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.constants import Category

HOME = reverse("portal:home")
THIS_YEAR = datetime.date.today().year


def test_home_sends_municipal_workers_to_the_portal(client, worker_of_gent):
    client.force_login(worker_of_gent)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url == HOME


@pytest.mark.parametrize("persona", ["coordinator", "expert", "analyst", "administrator"])
def test_the_portal_is_for_municipal_workers_only(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(HOME).status_code == 403


def test_the_portal_shows_agreements_and_use_of_the_own_municipality(
    client, worker_of_gent, gent, aalst
):
    AgreementFactory(municipality=gent, signed=True, starts_on=datetime.date(THIS_YEAR, 1, 1))
    AgreementFactory(municipality=aalst, signed=True, starts_on=datetime.date(THIS_YEAR, 1, 1))
    DossierFactory(municipality=gent)
    DossierFactory(municipality=gent, social=True, investigation=True)
    DossierFactory(municipality=aalst)
    AdviceEntryFactory(municipality=gent)
    client.force_login(worker_of_gent)

    response = client.get(HOME)

    [use] = response.context["uses"]
    assert use.municipality == gent
    assert len(use.agreements) == 1
    assert use.dossier_total == 2
    assert use.advice_count == 1
    assert use.category == Category.ANNUAL_AGREEMENT
    assert "Aalst" not in response.content.decode()


@pytest.mark.issue(11)
def test_a_year_without_cooperation_data_says_so_instead_of_none(client, worker_of_gent):
    client.force_login(worker_of_gent)
    response = client.get(reverse("portal:home"))
    assert [use.category for use in response.context["uses"]] == [None]
    assert "Geen gegevens voor dit jaar" in response.content.decode()
