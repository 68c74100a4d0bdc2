import pytest

from dyzo.knowledge.models import Guide

pytestmark = pytest.mark.issue(10)

URL = "/api/v1/guides/"


def test_workers_list_only_published_guides(client, worker_of_gent, bankruptcy_guide, draft_guide):
    client.force_login(worker_of_gent)
    ids = [row["id"] for row in client.get(URL).json()["results"]]
    assert ids == [bankruptcy_guide.pk]


def test_search_endpoint_follows_the_contract(client, worker_of_gent, bankruptcy_guide):
    client.force_login(worker_of_gent)
    rows = client.get(URL + "search/", {"q": "kwijtschelding"}).json()
    assert [row["id"] for row in rows] == [bankruptcy_guide.pk]
    assert rows[0]["version_date"]


def _error(response, status, code):
    """The API's one error shape (docs/api.md); returns its `fields`."""
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"detail", "code", "fields"} and body["detail"]
    assert body["code"] == code
    return body["fields"]


@pytest.mark.parametrize("query", [{"topic": "nope"}, {"status": "nope"}, {"language": "xx"}])
def test_a_bad_filter_value_is_a_400_naming_it(client, worker_of_gent, bankruptcy_guide, query):
    client.force_login(worker_of_gent)
    fields = _error(client.get(URL, query), 400, "invalid")
    assert list(fields) == list(query)


def test_the_topic_filter_keeps_the_topic(client, worker_of_gent, bankruptcy_guide):
    client.force_login(worker_of_gent)
    listed = client.get(URL, {"topic": bankruptcy_guide.topic.slug}).json()["results"]
    assert [row["id"] for row in listed] == [bankruptcy_guide.pk]


def test_an_expert_writes_and_changes_a_guide(client, expert, topic):
    client.force_login(expert)
    created = client.post(
        URL,
        {"topic": topic.slug, "title": "Btw", "body": "Btw-schulden.", "status": "draft"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    changed = client.patch(f"{URL}{pk}/", {"status": "published"}, content_type="application/json")
    assert changed.json()["version"] == 2
    assert Guide.objects.get(pk=pk).versions.count() == 2


def test_a_worker_cannot_write(client, worker_of_gent, topic):
    client.force_login(worker_of_gent)
    response = client.post(
        URL,
        {"topic": topic.slug, "title": "X", "body": "Y", "status": "published"},
        content_type="application/json",
    )
    _error(response, 403, "permission_denied")
    assert not Guide.objects.filter(title="X").exists()


@pytest.mark.parametrize("query", [{}, {"q": "  "}])
def test_a_search_for_nothing_is_a_bad_request(client, worker_of_gent, bankruptcy_guide, query):
    # The schema requires `q`; schemathesis found an empty search answered 200.
    client.force_login(worker_of_gent)
    fields = _error(client.get(URL + "search/", query), 400, "invalid")
    assert fields == {"q": ["Geef een of meer woorden om naar te zoeken."]}
