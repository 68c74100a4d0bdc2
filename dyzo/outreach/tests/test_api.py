import datetime

import pytest

from dyzo.outreach.models import Contact, DeclineReason
from dyzo.outreach.tests.factories import ContactFactory, DeclineReasonFactory

CONTACTS = "/api/v1/contacts/"
REASONS = "/api/v1/decline-reasons/"
TODAY = datetime.date.today()


@pytest.mark.parametrize(
    ("persona", "method", "url", "status"),
    [
        ("coordinator", "get", CONTACTS, 200),
        ("analyst", "get", CONTACTS, 200),
        ("expert", "get", CONTACTS, 403),
        ("worker_of_gent", "get", CONTACTS, 403),
        ("coordinator", "post", CONTACTS, 201),
        ("analyst", "post", CONTACTS, 403),
        ("coordinator", "get", REASONS, 200),
        ("analyst", "get", REASONS, 200),
        ("worker_of_gent", "get", REASONS, 403),
        ("coordinator", "post", REASONS, 201),
        ("analyst", "post", REASONS, 403),
    ],
)
def test_access(client, request, registry, persona, method, url, status):
    client.force_login(request.getfixturevalue(persona))
    if method == "get":
        assert client.get(url).status_code == status
        return
    body = {"municipality": "41002", "kind": "call", "happened_on": TODAY.isoformat()}
    if url == REASONS:
        body = {"municipality": "41002", "year": 2026, "code": "cost_too_high"}
    assert client.post(url, body, content_type="application/json").status_code == status


def test_notes_only_for_coordinators(client, coordinator, analyst, registry):
    ContactFactory(notes="Geheim")
    client.force_login(analyst)
    assert "notes" not in client.get(CONTACTS).json()["results"][0]
    client.force_login(coordinator)
    assert client.get(CONTACTS).json()["results"][0]["notes"] == "Geheim"


def test_due_filter_and_mark_done(client, coordinator, registry):
    due = ContactFactory(due=True)
    ContactFactory(later=True)
    client.force_login(coordinator)
    assert [row["id"] for row in client.get(CONTACTS + "?due=1").json()["results"]] == [due.pk]
    response = client.post(f"{CONTACTS}{due.pk}/follow-up-done/")
    assert response.json()["follow_up_done"] is True
    assert client.post(f"{CONTACTS}{due.pk}/follow-up-done/").status_code == 400


def test_patch_contact(client, coordinator, registry):
    contact = ContactFactory()
    client.force_login(coordinator)
    response = client.patch(
        f"{CONTACTS}{contact.pk}/", {"with_whom": "Burgemeester"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert Contact.objects.get().with_whom == "Burgemeester"


def test_reason_refusal_is_a_400(client, coordinator, registry):
    client.force_login(coordinator)
    body = {"municipality": "41002", "year": 2026, "code": "other", "text": ""}
    assert client.post(REASONS, body, content_type="application/json").status_code == 400
    assert not DeclineReason.objects.exists()


def test_reason_delete_and_year_filter(client, coordinator, registry):
    reason = DeclineReasonFactory()
    DeclineReasonFactory(from_import=True)
    client.force_login(coordinator)
    assert [row["id"] for row in client.get(REASONS + "?year=2026").json()["results"]] == [
        reason.pk
    ]
    assert client.delete(f"{REASONS}{reason.pk}/").status_code == 204
    assert DeclineReason.objects.count() == 1


@pytest.mark.parametrize("size", [1, 20])
def test_list_query_counts_are_constant(
    client, coordinator, registry, size, django_assert_num_queries
):
    ContactFactory.create_batch(size, coordinator=coordinator)
    for number in range(size):
        DeclineReasonFactory(text=f"reden {number}")
    client.force_login(coordinator)
    with django_assert_num_queries(5):
        # session, user, the role's permissions, one page of contacts with municipality
        # and coordinator, the read's audit entry
        assert len(client.get(CONTACTS).json()["results"]) == size
    with django_assert_num_queries(3):
        # session, user (the role's permissions were read by the first request), one page
        # of reasons with municipality
        assert len(client.get(REASONS).json()["results"]) == size
