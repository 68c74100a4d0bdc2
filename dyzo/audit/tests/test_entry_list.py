import pytest

from django.urls import reverse

from dyzo.audit import audit
from dyzo.audit.models import AuditEntry
from dyzo.localgov.models import Municipality

URL = reverse("audit:entry_list")


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("administrator", 200),
        ("expert", 403),
        ("analyst", 403),
        ("worker_of_gent", 403),
        (None, 302),
    ],
)
def test_access(client, request, persona, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    assert client.get(URL).status_code == status


def test_per_object_shows_only_that_objects_entries(client, coordinator, gent, aalst):
    audit.log(gent, "municipality.viewed", actor=coordinator)
    audit.log(aalst, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)

    response = client.get(audit.trail_url(gent))

    assert [entry.object_id for entry in response.context["page"].items] == [str(gent.pk)]


def test_per_user_shows_only_that_users_entries(client, coordinator, expert, gent):
    audit.log(gent, "municipality.viewed", actor=expert)
    audit.log(gent, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)

    response = client.get(URL, {"actor": expert.pk})

    assert [entry.actor_id for entry in response.context["page"].items] == [expert.pk]


def test_an_unknown_object_type_is_a_form_error(client, coordinator):
    client.force_login(coordinator)

    response = client.get(URL, {"content_type": "nothing.here"})

    assert response.context["form"].errors["content_type"]


def test_pages_follow_by_keyset_newest_first(client, coordinator, gent):
    for _number in range(55):
        audit.log(gent, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)
    ours = {"content_type": "localgov.municipality"}

    first = client.get(URL, ours).context["page"]
    second = client.get(URL, {**ours, "after": first.next_cursor}).context["page"]

    ids = [entry.pk for entry in first.items + second.items]
    assert ids == sorted(ids, reverse=True)
    assert (len(first.items), len(second.items), second.next_cursor) == (50, 5, None)


@pytest.mark.parametrize("rows", [1, 20])
def test_query_count_does_not_grow_with_rows(
    client, coordinator, gent, rows, django_assert_num_queries
):
    municipalities = list(Municipality.objects.order_by("pk")[:rows])
    for municipality in municipalities:
        audit.log(municipality, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)
    client.get(URL)

    with django_assert_num_queries(4):
        # 1. session, 2. user (the role's permissions are cached per process),
        # 3. the entries with their object types (joined), 4. the read's entry.
        response = client.get(URL, {"code": "municipality.viewed"})
    assert len(response.context["page"].items) == rows


def test_the_page_offers_no_way_to_change_entries(client, coordinator):
    audit.log(None, "x.y", actor=coordinator)
    client.force_login(coordinator)

    assert client.post(URL).status_code == 405
    assert AuditEntry.objects.count() >= 1
