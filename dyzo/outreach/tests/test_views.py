import datetime

import pytest

from django.urls import reverse

from dyzo.outreach.constants import DeclineReasonCode
from dyzo.outreach.models import Contact, DeclineReason
from dyzo.outreach.tests.factories import ContactFactory, DeclineReasonFactory, municipality

LIST = reverse("outreach:contact_list")
CREATE = reverse("outreach:contact_create")
FOLLOW_UPS = reverse("outreach:follow_ups")
REASONS = reverse("outreach:decline_reasons", args=["41002"])
TODAY = datetime.date.today()


@pytest.fixture
def contact(registry):
    return ContactFactory(due=True, notes="Vertrouwelijk: budget pas in 2027.")


def edit(contact):
    return reverse("outreach:contact_edit", args=[contact.pk])


def done(contact):
    return reverse("outreach:follow_up_done", args=[contact.pk])


ACCESS = [
    ("coordinator", "get", "list", 200),
    ("administrator", "get", "list", 200),
    ("analyst", "get", "list", 200),
    ("expert", "get", "list", 403),
    ("worker_of_gent", "get", "list", 403),
    ("coordinator", "get", "create", 200),
    ("analyst", "get", "create", 403),
    ("worker_of_gent", "get", "create", 403),
    ("coordinator", "get", "edit", 200),
    ("analyst", "get", "edit", 403),
    ("expert", "get", "edit", 403),
    ("worker_of_gent", "get", "edit", 403),
    ("coordinator", "get", "follow_ups", 200),
    ("analyst", "get", "follow_ups", 200),
    ("worker_of_gent", "get", "follow_ups", 403),
    ("coordinator", "post", "done", 302),
    ("analyst", "post", "done", 403),
    ("coordinator", "get", "reasons", 200),
    ("analyst", "get", "reasons", 200),
    ("expert", "get", "reasons", 403),
    ("worker_of_aalst", "get", "reasons", 403),
    ("analyst", "post", "reasons", 403),
]


@pytest.mark.parametrize(("persona", "method", "name", "status"), ACCESS)
def test_access(client, request, contact, persona, method, name, status):
    client.force_login(request.getfixturevalue(persona))
    target = {
        "list": LIST,
        "create": CREATE,
        "edit": edit(contact),
        "follow_ups": FOLLOW_UPS,
        "done": done(contact),
        "reasons": REASONS,
    }[name]
    assert getattr(client, method)(target).status_code == status


@pytest.mark.parametrize("target", [LIST, CREATE, FOLLOW_UPS, REASONS])
def test_anonymous_is_sent_to_login(client, registry, target):
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_analyst_sees_contacts_without_notes(client, analyst, coordinator, contact):
    client.force_login(analyst)
    assert "Vertrouwelijk" not in client.get(LIST).content.decode()
    page = reverse("localgov:municipality_detail", args=["44021"])
    content = client.get(page).content.decode()
    assert "Diensthoofd" in content and "Vertrouwelijk" not in content
    client.force_login(coordinator)
    assert "Vertrouwelijk" in client.get(LIST).content.decode()


@pytest.mark.parametrize("size", [1, 20])
def test_list_query_count_is_constant(
    client, coordinator, registry, size, django_assert_num_queries
):
    ContactFactory.create_batch(size, coordinator=coordinator)
    client.force_login(coordinator)
    with django_assert_num_queries(7):
        # session, user, the role's permissions, provinces for the filter, one page of
        # contacts with municipality and coordinator, the read's audit entry, the capped
        # count (issue 11)
        response = client.get(LIST)
    assert len(response.context["page"].items) == size
    assert response.context["count"].total == size


@pytest.mark.issue(11)
@pytest.mark.parametrize(
    ("param", "aria"), [("happened_on", "ascending"), ("-happened_on", "descending")]
)
def test_the_list_sorts_by_date_both_ways(client, coordinator, registry, param, aria):
    for day in [5, 1, 9]:
        ContactFactory(coordinator=coordinator, happened_on=datetime.date(2025, 3, day))
    client.force_login(coordinator)

    response = client.get(LIST, {"sort": param})

    days = [contact.happened_on.day for contact in response.context["page"].items]
    assert days == ([1, 5, 9] if aria == "ascending" else [9, 5, 1])
    assert f'aria-sort="{aria}"' in response.content.decode()
    assert "3 resultaten" in response.content.decode()


def test_filter_by_municipality_and_kind(client, coordinator, registry):
    gent = ContactFactory()
    ContactFactory(municipality=municipality("41002"), kind="call")
    client.force_login(coordinator)
    assert list(client.get(LIST, {"q": "Gent"}).context["page"].items) == [gent]
    assert client.get(LIST, {"kind": "call"}).context["page"].items[0].kind == "call"


def test_create_and_edit_contact(client, coordinator, registry):
    client.force_login(coordinator)
    data = {
        "municipality": municipality("41002").pk,
        "kind": "proposal_sent",
        "happened_on": TODAY.isoformat(),
        "with_whom": "Algemeen directeur",
        "notes": "Offerte verstuurd.",
        "follow_up_on": (TODAY + datetime.timedelta(days=14)).isoformat(),
    }
    assert client.post(CREATE, data).status_code == 302
    contact = Contact.objects.get()
    assert contact.coordinator == coordinator
    data.pop("municipality")
    data["notes"] = "Offerte besproken."
    assert client.post(edit(contact), data).status_code == 302
    assert Contact.objects.get().notes == "Offerte besproken."


def test_create_refusal_is_shown_and_nothing_saved(client, coordinator, registry):
    client.force_login(coordinator)
    data = {
        "municipality": municipality("41002").pk,
        "kind": "call",
        "happened_on": (TODAY + datetime.timedelta(days=2)).isoformat(),
    }
    response = client.post(CREATE, data)
    assert response.context["form"].non_field_errors()
    assert not Contact.objects.exists()


def test_follow_ups_due_mine_and_everyones(client, coordinator, registry):
    mine = ContactFactory(due=True, coordinator=coordinator)
    theirs = ContactFactory(due=True)
    ContactFactory(later=True, coordinator=coordinator)
    client.force_login(coordinator)
    assert list(client.get(FOLLOW_UPS).context["contacts"]) == [mine]
    assert set(client.get(FOLLOW_UPS, {"all": "1"}).context["contacts"]) == {mine, theirs}


def test_mark_done_with_htmx_swaps_the_cell(client, coordinator, contact):
    client.force_login(coordinator)
    response = client.post(done(contact), headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert Contact.objects.get().follow_up_done
    assert list(client.get(FOLLOW_UPS, {"all": "1"}).context["contacts"]) == []


def test_add_and_remove_reasons(client, coordinator, registry):
    client.force_login(coordinator)
    data = {"year": 2026, "code": DeclineReasonCode.OTHER, "text": "Eigen schuldhulp"}
    assert client.post(REASONS, data).status_code == 302
    response = client.post(REASONS, {"year": 2026, "code": DeclineReasonCode.OTHER})
    assert response.context["form"].non_field_errors()
    reason = DeclineReason.objects.get()
    delete = reverse("outreach:decline_reason_delete", args=[reason.pk])
    assert client.post(delete).status_code == 302
    assert not DeclineReason.objects.exists()


def test_analyst_may_not_remove_reasons(client, analyst, registry):
    reason = DeclineReasonFactory()
    client.force_login(analyst)
    response = client.post(reverse("outreach:decline_reason_delete", args=[reason.pk]))
    assert response.status_code == 403
    assert DeclineReason.objects.exists()


def test_municipality_page_shows_contacts_and_reasons(client, coordinator, registry):
    ContactFactory(municipality=municipality("41002"))
    DeclineReasonFactory(other=True)
    client.force_login(coordinator)
    page = reverse("localgov:municipality_detail", args=["41002"])
    content = client.get(page).content.decode()
    assert "Diensthoofd sociale dienst" in content
    assert "Eigen schuldhulpdienst" in content
    assert f"{CREATE}?municipality=41002" in content


def test_workers_do_not_see_the_outreach_section(client, worker_of_aalst, registry):
    ContactFactory(municipality=municipality("41002"))
    client.force_login(worker_of_aalst)
    page = reverse("localgov:municipality_detail", args=["41002"])
    assert 'id="contacts-heading"' not in client.get(page).content.decode()
