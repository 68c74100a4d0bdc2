import pytest

URL = "/api/v1/municipalities/"


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [
        ("get", {"path": URL + "?province=Lim%00burg"}),
        ("post", {"path": URL, "data": {"name": "a\x00b"}}),
        (
            "post",
            {"path": URL, "data": '{"name": "a\\u0000b"}', "content_type": "application/json"},
        ),
    ],
)
def test_nul_characters_get_a_clear_400_and_change_nothing(client, coordinator, method, kwargs):
    client.force_login(coordinator)
    response = getattr(client, method)(**kwargs)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_ordinary_requests_pass(client, coordinator, registry):
    client.force_login(coordinator)
    assert client.get(URL, {"province": "Limburg"}).status_code == 200


def _message(response, path) -> str:
    """The API answers in its one error shape (docs/api.md), the pages in plain text."""
    if path.startswith("/api/"):
        body = response.json()
        assert body["code"] == "invalid"
        return body["detail"]
    return response.content.decode()


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "path",
    ["/api/v1/municipalities/%00/", "/municipalities/%00/", "/agreements/quote/%00/pdf/"],
)
def test_a_nul_character_in_the_path_gets_a_clear_400(client, coordinator, path):
    # On PostgreSQL these were server errors: the path value reached a lookup.
    client.force_login(coordinator)
    response = client.get(path)
    assert response.status_code == 400
    assert _message(response, path) == "Het verzoek bevat een NUL-teken."


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/dossiers/?expert=99999999999999999999999",
        "/api/v1/dossiers/?expert=-9223372036854775809",
        "/api/v1/dossiers/99999999999999999999999/",
        "/dossiers/?expert=" + "9" * 5000,
    ],
)
def test_a_number_beyond_64_bits_gets_a_clear_400(client, coordinator, path):
    # On SQLite these were server errors (OverflowError in the driver).
    client.force_login(coordinator)
    response = client.get(path)
    assert response.status_code == 400
    message = "Een getal in het verzoek is te groot."
    assert _message(response, path) == message
    if path.startswith("/api/") and "?" in path:
        # The API's error shape names the parameter, as a filter would.
        assert response.json()["fields"] == {"expert": [message]}


def test_the_largest_64_bit_number_is_looked_up_as_usual(client, coordinator, registry):
    client.force_login(coordinator)
    assert client.get("/api/v1/dossiers/9223372036854775807/").status_code == 404
