import pytest

from dyzo.audit import audit
from dyzo.localgov.models import Municipality

URL = "/api/v1/audit-entries/"


@pytest.mark.parametrize(
    ("persona", "method", "status"),
    [
        ("coordinator", "get", 200),
        ("administrator", "get", 200),
        ("expert", "get", 403),
        ("analyst", "get", 403),
        ("worker_of_gent", "get", 403),
        (None, "get", 403),
        ("coordinator", "post", 403),
    ],
)
def test_access(client, request, persona, method, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))

    assert getattr(client, method)(URL).status_code == status


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_entries_cannot_be_changed_through_the_api(client, coordinator, method):
    entry = audit.log(None, "x.y", actor=coordinator)
    client.force_login(coordinator)

    response = getattr(client, method)(f"{URL}{entry.pk}/", content_type="application/json")

    assert response.status_code in {403, 405}


def test_list_filters_per_object(client, coordinator, gent, aalst):
    audit.log(gent, "municipality.viewed", actor=coordinator, data={"tab": 1})
    audit.log(aalst, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)

    response = client.get(URL, {"content_type": "localgov.municipality", "object_id": gent.pk})

    (row,) = response.json()["results"]
    assert row["content_type"] == "localgov.municipality"
    assert (row["object_id"], row["actor"], row["data"]) == (
        str(gent.pk),
        coordinator.pk,
        {"tab": 1},
    )


def test_a_bad_filter_is_a_400(client, coordinator):
    client.force_login(coordinator)

    assert client.get(URL, {"actor": "x"}).status_code == 400


@pytest.mark.parametrize("rows", [1, 20])
def test_query_count_does_not_grow_with_rows(
    client, coordinator, gent, rows, django_assert_num_queries
):
    for municipality in Municipality.objects.order_by("pk")[:rows]:
        audit.log(municipality, "municipality.viewed", actor=coordinator)
    client.force_login(coordinator)
    client.get(URL)

    with django_assert_num_queries(4):
        # 1. session, 2. user (the role's permissions are cached per process),
        # 3. the page of entries with their object types (joined), 4. the read's entry.
        response = client.get(URL, {"code": "municipality.viewed"})
    assert len(response.json()["results"]) == rows
