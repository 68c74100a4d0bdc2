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
