import pytest

from django.urls import reverse

from dyzo.localgov.models import Municipality

LIST = reverse("localgov:municipality_list")
PERSONAS = ["coordinator", "expert", "analyst", "administrator", "worker_of_gent"]


def detail(code):
    return reverse("localgov:municipality_detail", args=[code])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", [LIST, detail("44021")])
def test_every_role_may_read_the_registry(client, request, registry, persona, url):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", [LIST, detail("44021")])
def test_anonymous_is_sent_to_login(client, registry, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_unknown_code_is_404(client, coordinator, registry):
    client.force_login(coordinator)
    assert client.get(detail("99999")).status_code == 404


def test_year_filter_lists_the_municipalities_of_that_year(client, coordinator, registry):
    client.force_login(coordinator)
    seen = []
    url = f"{LIST}?year=2018"
    while url:
        response = client.get(url)
        page = response.context["page"]
        seen += [m.nis_code for m in page.items]
        url = f"{LIST}?year=2018&after={page.next_cursor}" if page.next_cursor else None
    assert len(seen) == len(set(seen)) == 308
    assert "44049" in seen and "44083" not in seen


def test_search_and_province_filter(client, coordinator, registry):
    client.force_login(coordinator)
    limburg = Municipality.objects.get(nis_code="71022").province
    response = client.get(LIST, {"year": 2025, "q": "hass", "province": limburg.pk})
    assert [m.nis_code for m in response.context["page"].items] == ["71072"]
    response = client.get(LIST, {"year": 2018, "q": "71022"})
    assert [m.name for m in response.context["page"].items] == ["Hasselt"]


def test_invalid_filter_is_shown_and_ignored(client, coordinator, registry):
    client.force_login(coordinator)
    response = client.get(LIST, {"year": "1800"})
    assert response.status_code == 200
    assert "year" in response.context["form"].errors


def test_htmx_request_gets_only_the_rows(client, coordinator, registry):
    client.force_login(coordinator)
    response = client.get(LIST, {"q": "Gent"}, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"Gent" in response.content


@pytest.mark.parametrize("size", [1, 25])
def test_list_query_count_is_constant(
    client, coordinator, registry, size, django_assert_num_queries
):
    client.force_login(coordinator)
    query = {"year": 2018, "q": "Aartselaar"} if size == 1 else {"year": 2018}
    with django_assert_num_queries(6):
        # session, user, the role's permissions, the count for the heading, one page of
        # municipalities with their population, provinces for the filter
        response = client.get(LIST, query)
    assert len(response.context["page"].items) == size


def test_detail_shows_history_and_population(client, coordinator, registry):
    client.force_login(coordinator)
    content = client.get(detail("44083")).content.decode()
    assert "Nevele" in content and "Deinze" in content
    content = client.get(detail("44049")).content.decode()
    assert "44083" in content  # merged into the new Deinze
    assert "2018" in content and "10.9" not in content


def test_the_heading_follows_the_chosen_year_also_when_htmx_swaps_the_rows(
    client, coordinator, registry
):
    client.force_login(coordinator)
    url = reverse("localgov:municipality_list")
    full = client.get(url, {"year": 2018}).content.decode()
    assert 'Gemeenten op 1 januari 2018 <small class="count">308 gemeenten</small>' in full
    swapped = client.get(url, {"year": 2025}, headers={"HX-Request": "true"}).content.decode()
    assert 'id="registry-heading" hx-swap-oob="true"' in swapped
    assert 'Gemeenten op 1 januari 2025 <small class="count">285 gemeenten</small>' in swapped


@pytest.mark.issue(11)
@pytest.mark.parametrize("descending", [False, True])
def test_the_registry_sorts_by_name_both_ways_across_pages(
    client, coordinator, registry, descending
):
    client.force_login(coordinator)
    param = "-name" if descending else "name"
    seen, query = [], {"sort": param, "year": 2026}
    while True:
        response = client.get(LIST, query)
        seen += [municipality.nis_code for municipality in response.context["page"].items]
        if not response.context["page"].next_cursor:
            break
        query = {**query, "after": response.context["page"].next_cursor}
    assert len(seen) == response.context["total"] > 25
    # The pages together are the database's own order (its collation decides, not Python's).
    in_order = Municipality.objects.filter(nis_code__in=seen).order_by(
        param, "-nis_code" if descending else "nis_code"
    )
    assert seen == list(in_order.values_list("nis_code", flat=True))
    aria = "descending" if descending else "ascending"
    assert f'aria-sort="{aria}"><a href="?year=2026&amp;sort=' in response.content.decode()
