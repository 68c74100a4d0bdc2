from django.urls import reverse

from dyzo.portal.models import HelpRequest
from dyzo.portal.tests.factories import HelpRequestFactory

LIST = reverse("help-request-list")


def test_a_worker_submits_through_the_api(client, worker_of_gent, scan_request):
    client.force_login(worker_of_gent)

    response = client.post(
        LIST,
        {**scan_request, "municipality": "44021", "party": "ocmw"},
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["status"] == "submitted"
    assert HelpRequest.objects.get().enterprise_number == "0403170701"


def test_the_api_refuses_another_municipalitys_party(client, worker_of_gent, aalst, scan_request):
    client.force_login(worker_of_gent)

    response = client.post(
        LIST,
        {**scan_request, "municipality": aalst.nis_code, "party": "ocmw"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert not HelpRequest.objects.exists()


def test_the_api_lists_and_shows_only_own_requests(client, worker_of_gent, aalst):
    own = HelpRequestFactory(submitted_by=worker_of_gent, taken_up=True)
    foreign = HelpRequestFactory(municipality=aalst)
    client.force_login(worker_of_gent)

    listed = client.get(LIST).json()["results"]
    foreign_response = client.get(reverse("help-request-detail", args=[foreign.pk]))

    assert [row["id"] for row in listed] == [own.pk]
    assert listed[0]["dossier"] == own.dossier.reference
    assert foreign_response.status_code == 404
