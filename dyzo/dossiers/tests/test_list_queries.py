"""List pages and endpoints cost the same number of queries for 1 and for 20 rows, as each
persona that sees them, and their filter forms do not grow with the registry or the experts."""

import pytest

from django.urls import reverse

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory, TeamMemberFactory
from dyzo.localgov.models import Municipality, Province

pytestmark = pytest.mark.django_db

# Every request: 1 session, 2 user. Role permissions are cached per process (not a query).
# A worker adds 3: the municipalities they work for (user.municipality_ids()); widening them
# to their merger area (user.area_ids()) reads the registry kept in memory, no query.
DOSSIERS = reverse("dossiers:list")
ENTREPRENEURS = reverse("dossiers:entrepreneur_list")
ADVICE = reverse("dossiers:advice_list")
LISTS = {
    # the page (entrepreneur and municipality joined), the audit entry of the read; a worker's
    # filter offers their own municipalities (one query), the others search on demand; the
    # capped count of the matching dossiers (one query, issue 11).
    DOSSIERS: {"coordinator": 5, "expert": 5, "worker_of_gent": 7},
    # the page (municipality joined), the audit entry of the read, the capped count.
    ENTREPRENEURS: {"coordinator": 5, "expert": 5, "worker_of_gent": 6},
    # the page (municipality and handler joined), the audit entry of the read; a worker's own
    # municipalities to filter on; the capped count of the matching entries.
    ADVICE: {"coordinator": 5, "expert": 5, "worker_of_gent": 7},
    # the page, the audit entry of the read.
    "/api/v1/dossiers/": {"coordinator": 4, "expert": 4, "worker_of_gent": 5},
    "/api/v1/entrepreneurs/": {"coordinator": 4, "expert": 4, "worker_of_gent": 5},
    "/api/v1/advice-entries/": {"coordinator": 4, "expert": 4, "worker_of_gent": 5},
}
CASES = [(url, persona, n) for url, counts in LISTS.items() for persona, n in counts.items()]


def rows_for(user, rows: int):
    """`rows` dossiers and advice entries of Gent, the expert on each dossier's team."""
    expert = user if user.role == "expert" else UserFactory(expert=True)
    for dossier in DossierFactory.create_batch(rows):
        TeamMemberFactory(dossier=dossier, user=expert)
    AdviceEntryFactory.create_batch(rows, handled_by=expert)


@pytest.mark.parametrize("rows", [1, 20])
@pytest.mark.parametrize(("url", "persona", "queries"), CASES)
def test_lists_cost_a_fixed_number_of_queries(
    request, client, django_assert_num_queries, url, persona, queries, rows
):
    user = request.getfixturevalue(persona)
    request.getfixturevalue("gent")
    rows_for(user, rows)
    client.force_login(user)
    client.get(url)  # the first request of a process reads the role's permissions
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    if not url.startswith("/api/"):
        assert response.content.count(b"<tr>") >= rows + 1
    else:
        assert len(response.json()["results"]) == rows


def grow_registry_and_experts():
    province = Province.objects.order_by("pk").first()
    Municipality.objects.bulk_create(
        Municipality(nis_code=f"9{n:04d}", name=f"Extra {n}", province=province) for n in range(200)
    )
    UserFactory.create_batch(30, expert=True)


@pytest.mark.parametrize("url", [DOSSIERS, ADVICE])
@pytest.mark.parametrize("persona", ["coordinator", "expert", "worker_of_gent"])
def test_filter_form_does_not_grow_with_registry_or_experts(request, client, url, persona):
    user = request.getfixturevalue(persona)
    request.getfixturevalue("gent")
    client.force_login(user)
    before = client.get(url).content.count(b"<option")
    grow_registry_and_experts()
    after = client.get(url).content.count(b"<option")
    assert after == before
    assert before < 40


def test_worker_is_offered_only_their_own_municipalities(client, worker_of_gent, aalst):
    client.force_login(worker_of_gent)
    response = client.get(DOSSIERS)
    assert b"Gent (44021)" in response.content
    assert b"Aalst" not in response.content
