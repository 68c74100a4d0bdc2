import pytest

from django.urls import reverse

from dyzo.agreements.sections import agreements_section
from dyzo.agreements.tests.factories import AgreementFactory, municipality


def page(nis_code):
    return reverse("localgov:municipality_detail", args=[nis_code])


def test_merged_municipality_shows_its_predecessors_agreements(client, coordinator, registry):
    beveren = AgreementFactory(municipality=municipality("46003"), signed=True)
    client.force_login(coordinator)
    section = next(s for s in client.get(page("46030")).context["sections"] if "agreements" in s)
    assert section["agreements"] == [beveren]
    content = client.get(page("46030")).content.decode()
    assert reverse("agreements:detail", args=[beveren.pk]) in content
    assert "Beveren" in content
    assert reverse("agreements:quote", args=["46030"]) in content


def test_worker_sees_the_section_only_for_their_municipality(client, worker_of_gent, registry):
    agreement = AgreementFactory()
    client.force_login(worker_of_gent)
    content = client.get(page("44021")).content.decode()
    assert reverse("agreements:detail", args=[agreement.pk]) in content
    assert reverse("agreements:create") not in content  # read only
    assert 'id="agreements-heading"' not in client.get(page("41002")).content.decode()


@pytest.mark.parametrize("size", [1, 20])
def test_section_query_count_is_constant(
    rf, coordinator, registry, size, django_assert_num_queries
):
    for _ in range(size):
        AgreementFactory(municipality=municipality("46003"))  # Beveren, before the merger
    request = rf.get("/")
    request.user = coordinator
    coordinator.has_perm("agreements.view_agreement")  # the permissions, cached per request
    merged = municipality("46030")
    with django_assert_num_queries(4):
        # the area of Beveren-Kruibeke-Zwijndrecht (its own code, the registry and its
        # mergers: 3), the agreements of all of them with their municipality
        section = agreements_section(request, merged)
    assert len(section["agreements"]) == size
