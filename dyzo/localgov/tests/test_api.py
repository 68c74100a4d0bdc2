import pytest

URL = "/api/v1/municipalities/"


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("expert", 200),
        ("analyst", 200),
        ("administrator", 200),
        ("worker_of_gent", 200),
    ],
)
def test_registry_api_access(client, request, registry, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == status


def test_anonymous_gets_403(client, registry):
    assert client.get(URL).status_code == 403


def test_writing_is_not_allowed(client, administrator, registry):
    client.force_login(administrator)
    assert client.post(URL, {"nis_code": "12345"}).status_code in (403, 405)


def test_year_filter_and_keyset_pages(client, coordinator, registry):
    client.force_login(coordinator)
    codes, url = [], f"{URL}?year=2019&page_size=200"
    while url:
        body = client.get(url).json()
        codes += [row["nis_code"] for row in body["results"]]
        url = body["next"]
    assert len(codes) == len(set(codes)) == 300
    assert codes == sorted(codes)


def test_detail_by_nis_code(client, coordinator, registry):
    client.force_login(coordinator)
    body = client.get(f"{URL}44021/?year=2019").json()
    assert body == {
        "nis_code": "44021",
        "name": "Gent",
        "province": "Oost-Vlaanderen",
        "valid_from": None,
        "valid_to": None,
        "population": 262219,
        "population_year": 2019,
    }


def test_bad_year_is_a_clear_400(client, coordinator, registry):
    client.force_login(coordinator)
    response = client.get(URL, {"year": "soon"})
    assert response.status_code == 400
    assert "year" in response.json()["fields"]


@pytest.mark.parametrize("page_size", [1, 20])
def test_query_count_is_constant(
    client, coordinator, registry, page_size, django_assert_num_queries
):
    client.force_login(coordinator)
    with django_assert_num_queries(4):  # session, user, role's permissions, one page
        body = client.get(URL, {"year": 2018, "page_size": page_size}).json()
    assert len(body["results"]) == page_size
