import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory

pytestmark = pytest.mark.django_db


def test_the_municipality_page_lists_its_visible_dossiers(client, worker_of_gent, gent, aalst):
    own = DossierFactory(municipality=gent)
    other = DossierFactory(municipality=aalst)
    AdviceEntryFactory(municipality=gent)
    client.force_login(worker_of_gent)
    content = client.get(reverse("localgov:municipality_detail", args=["44021"])).content.decode()
    assert own.reference in content
    assert other.reference not in content
    assert "1 advies" in content


def test_analysts_see_no_dossier_section(client, analyst, gent):
    DossierFactory(municipality=gent)
    client.force_login(analyst)
    response = client.get(reverse("localgov:municipality_detail", args=["44021"]))
    assert "dossiers-heading" not in response.content.decode()


@pytest.mark.issue(11)
def test_a_worker_on_another_municipality_is_told_they_may_not_see_its_dossiers(
    client, worker_of_gent, aalst
):
    DossierFactory(municipality=aalst)
    client.force_login(worker_of_gent)
    content = client.get(reverse("localgov:municipality_detail", args=["41002"])).content.decode()
    assert 'id="dossiers-not-visible"' in content
    assert "U mag de dossiers en adviezen van deze gemeente niet zien" in content
    assert "Geen dossiers." not in content


@pytest.mark.issue(11)
def test_an_expert_is_told_only_their_own_dossiers_are_listed(client, expert, gent):
    DossierFactory(municipality=gent)
    client.force_login(expert)
    content = client.get(reverse("localgov:municipality_detail", args=["44021"])).content.decode()
    assert "Alleen de dossiers waaraan u werkt" in content
    assert "Geen dossiers waaraan u werkt." in content
