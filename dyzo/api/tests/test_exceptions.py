"""The API's one error shape (docs/api.md), whatever raised the error (issue 9)."""

import pytest
from rest_framework import exceptions

from dyzo.api.exceptions import _body
from dyzo.dossiers.tests.factories import DossierFactory

pytestmark = pytest.mark.issue(9)


def _is_error(response, status: int, code: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "code", "fields"} and body["code"] == code
    assert isinstance(body["detail"], str) and body["detail"]
    return body


def test_anonymous_gets_a_403_in_the_shape(client, db):
    _is_error(client.get("/api/v1/dossiers/"), 403, "not_authenticated")


def test_a_role_without_the_permission_gets_a_403_in_the_shape(client, analyst):
    client.force_login(analyst)
    _is_error(client.get("/api/v1/dossiers/"), 403, "permission_denied")


def test_an_unknown_object_is_a_404_in_the_shape(client, coordinator):
    client.force_login(coordinator)
    _is_error(client.get("/api/v1/dossiers/999999/"), 404, "not_found")


def test_a_path_matching_no_route_is_a_404_in_the_shape(client, coordinator):
    client.force_login(coordinator)
    _is_error(client.get("/api/v1/dossiers/1/no-such-thing/"), 404, "not_found")


def test_a_method_not_offered_is_a_405_in_the_shape(client, coordinator):
    client.force_login(coordinator)
    _is_error(client.put("/api/v1/reports/"), 405, "method_not_allowed")


def test_a_nul_character_is_a_400_in_the_shape(client, coordinator):
    client.force_login(coordinator)
    _is_error(client.get("/api/v1/dossiers/", {"q": "a\x00b"}), 400, "invalid")


def test_a_bad_page_size_is_a_400_not_another_size(client, coordinator):
    client.force_login(coordinator)
    for value in ("0", "201", "many", ""):
        body = _is_error(client.get("/api/v1/dossiers/", {"page_size": value}), 400, "invalid")
        assert list(body["fields"]) == ["page_size"]


def test_a_business_rule_is_a_400_for_the_request_as_a_whole(client, coordinator):
    client.force_login(coordinator)
    dossier = DossierFactory()
    dossier.team.create(user=coordinator, role="coordinator")

    response = client.post(
        f"/api/v1/dossiers/{dossier.pk}/close/", {}, content_type="application/json"
    )

    body = _is_error(response, 400, "invalid")
    assert body["fields"]


def test_nested_field_errors_are_named_by_path():
    error = exceptions.ValidationError(
        {"brackets": [{}, {"upper": ["Too low."]}], "year": ["Bad."]}
    )

    assert _body(error) == {
        "detail": "Too low.",
        "code": "invalid",
        "fields": {"brackets.1.upper": ["Too low."], "year": ["Bad."]},
    }
