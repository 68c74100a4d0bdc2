"""List pages and endpoints cost the same number of queries for 1 and for 20 rows."""

import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory

pytestmark = pytest.mark.django_db

# Every request: 1 session, 2 user, 3 the role's permissions.
LISTS = [
    # 4 the page (entrepreneur and municipality joined), 5 audit entry of the read,
    # 6 municipality filter choices, 7 expert filter choices.
    (reverse("dossiers:list"), 7),
    # 4 the page (municipality joined), 5 audit entry of the read.
    (reverse("dossiers:entrepreneur_list"), 5),
    # 4 the page (municipality and handler joined), 5 municipality filter choices,
    # 6 audit entry of the read.
    (reverse("dossiers:advice_list"), 6),
    # 4 the page, 5 audit entry of the read.
    ("/api/v1/dossiers/", 5),
    ("/api/v1/entrepreneurs/", 5),
    ("/api/v1/advice-entries/", 5),
]


@pytest.mark.parametrize("rows", [1, 20])
@pytest.mark.parametrize(("url", "queries"), LISTS)
def test_lists_cost_a_fixed_number_of_queries(
    client, coordinator, django_assert_num_queries, url, queries, rows
):
    client.force_login(coordinator)
    DossierFactory.create_batch(rows)
    AdviceEntryFactory.create_batch(rows)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<tr>") >= rows or url.startswith("/api/")
