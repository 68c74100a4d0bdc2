import pytest

from django.urls import reverse

from dyzo.dossiers.models import Dossier
from dyzo.portal.constants import RequestStatus
from dyzo.portal.models import HelpRequest
from dyzo.portal.tests.factories import HelpRequestFactory

LIST = reverse("portal:request_list")
CREATE = reverse("portal:request_create")


def test_a_worker_submits_a_help_request(client, worker_of_gent, gent_ocmw, scan_request):
    client.force_login(worker_of_gent)

    response = client.post(CREATE, {**scan_request, "on_behalf_of": gent_ocmw.pk})

    help_request = HelpRequest.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("portal:request_detail", args=[help_request.pk])
    assert help_request.submitted_by == worker_of_gent


def test_the_form_offers_only_the_workers_own_parties(client, worker_of_gent, aalst):
    client.force_login(worker_of_gent)

    form = client.get(CREATE).context["form"]

    parties = form.fields["on_behalf_of"].queryset
    assert {party.municipality.nis_code for party in parties} == {"44021"}


def test_an_invalid_kbo_number_is_shown_and_nothing_stored(
    client, worker_of_gent, gent_ocmw, scan_request
):
    client.force_login(worker_of_gent)

    response = client.post(
        CREATE, {**scan_request, "on_behalf_of": gent_ocmw.pk, "enterprise_number": "123"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["enterprise_number"]
    assert not HelpRequest.objects.exists()


def test_the_list_shows_the_own_requests_only(client, worker_of_gent, worker_of_aalst, aalst):
    own = HelpRequestFactory(submitted_by=worker_of_gent)
    HelpRequestFactory(municipality=aalst, submitted_by=worker_of_aalst)
    client.force_login(worker_of_gent)

    response = client.get(LIST)

    assert [row.pk for row in response.context["page"].items] == [own.pk]


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_the_same_for_1_and_20_rows(
    client, worker_of_gent, rows, django_assert_num_queries
):
    HelpRequestFactory.create_batch(rows, submitted_by=worker_of_gent, taken_up=True)
    client.force_login(worker_of_gent)

    # Session, user, the role's permissions, the user's municipalities, the area they cover
    # (their own codes, the registry and its mergers: 3), the page of requests (with
    # municipality, submitter and dossier joined), the read's audit entry, the capped count
    # of the requests (issue 11).
    with django_assert_num_queries(10):
        response = client.get(LIST)

    assert len(response.context["page"].items) == rows
    assert response.context["count"].total == rows


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("param", "aria"), [("status", "ascending"), ("-status", "descending"), ("", "descending")]
)
def test_the_list_sorts_by_status_or_submission_both_ways(
    client, worker_of_gent, gent, param, aria
):
    submitted = HelpRequestFactory(municipality=gent)
    taken_up = HelpRequestFactory(municipality=gent, taken_up=True)
    answered = HelpRequestFactory(municipality=gent, status="answered")
    client.force_login(worker_of_gent)

    response = client.get(f"{LIST}?sort={param}")

    order = {
        "status": [answered, submitted, taken_up],
        "-status": [taken_up, submitted, answered],
        "": [answered, taken_up, submitted],
    }[param]
    assert [row.pk for row in response.context["page"].items] == [row.pk for row in order]
    assert f'aria-sort="{aria}"' in response.content.decode()
    assert "3 resultaten" in response.content.decode()


def test_another_municipalitys_request_is_not_found(client, worker_of_gent, aalst):
    foreign = HelpRequestFactory(municipality=aalst)
    client.force_login(worker_of_gent)

    response = client.get(reverse("portal:request_detail", args=[foreign.pk]))

    assert response.status_code == 404


def test_a_coordinator_takes_up_a_request(client, coordinator, worker_of_gent):
    help_request = HelpRequestFactory(submitted_by=worker_of_gent)
    client.force_login(coordinator)

    response = client.post(reverse("portal:request_take_up", args=[help_request.pk]))

    help_request.refresh_from_db()
    assert response.status_code == 302
    assert help_request.status == RequestStatus.TAKEN_UP
    assert Dossier.objects.get() == help_request.dossier
    shown = client.get(response.url).content.decode()
    assert f"Hulpvraag opgenomen: dossier {help_request.dossier.reference} geopend." in shown


def test_a_worker_cannot_take_up_requests(client, worker_of_gent):
    help_request = HelpRequestFactory(submitted_by=worker_of_gent)
    client.force_login(worker_of_gent)

    response = client.post(reverse("portal:request_take_up", args=[help_request.pk]))

    assert response.status_code == 403
    assert not Dossier.objects.exists()


def test_a_refused_answer_comes_back_as_a_message(client, coordinator, worker_of_gent):
    help_request = HelpRequestFactory(submitted_by=worker_of_gent)
    client.force_login(coordinator)

    response = client.post(
        reverse("portal:request_answer", args=[help_request.pk]),
        {"topic": "T", "advice": "A", "channel": "phone", "minutes_spent": 5},
        follow=True,
    )

    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.SUBMITTED
