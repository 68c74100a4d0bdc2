"""The dossier list sorts by its main columns, both ways, and pages through every row once
in that order; it shows its (capped) count."""

import datetime
import re

import pytest

from django.urls import reverse

from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.utils import pagination

pytestmark = [pytest.mark.django_db, pytest.mark.issue(11)]

DOSSIERS = reverse("dossiers:list")
STATUSES = [DossierStatus.INTAKE, DossierStatus.INVESTIGATION, DossierStatus.CLOSED]


@pytest.fixture
def dossiers(gent):
    """30 dossiers (more than a page of 25) with repeated opening dates and statuses, so
    the tie-breaker matters."""
    start = datetime.date(2024, 1, 1)
    return [
        DossierFactory(
            municipality=gent,
            opened_on=start + datetime.timedelta(days=n % 7),
            status=STATUSES[n % 3],
        )
        for n in range(30)
    ]


def _walk(client, url):
    """Every reference shown, page after page, following the "Next page" links."""
    references, pages = [], 0
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        references += re.findall(r'href="/dossiers/\d+/">([^<]+)</a>', html)
        pages += 1
        following = re.search(r'rel="next" href="([^"]+)"', html)
        url = DOSSIERS + following.group(1).replace("&amp;", "&") if following else None
    return references, pages


EXPECTED = {
    "opened_on": lambda d: (d.opened_on, d.pk),
    "reference": lambda d: (d.year, d.number),
    "status": lambda d: (d.status, -d.pk),
}


@pytest.mark.parametrize("key", list(EXPECTED))
@pytest.mark.parametrize("descending", [False, True])
def test_the_dossier_list_sorts_and_pages_in_both_directions(
    client, coordinator, dossiers, key, descending
):
    client.force_login(coordinator)
    expected = sorted(Dossier.objects.all(), key=EXPECTED[key], reverse=descending)

    references, pages = _walk(client, f"{DOSSIERS}?sort={'-' if descending else ''}{key}")

    assert pages == 2
    assert references == [dossier.reference for dossier in expected]


def test_the_default_order_is_unchanged_newest_first(client, coordinator, dossiers):
    client.force_login(coordinator)

    references, _pages = _walk(client, DOSSIERS)

    assert references == [d.reference for d in sorted(dossiers, key=lambda d: -d.pk)]


def test_sortable_headers_say_their_direction_and_link_to_the_other(client, coordinator, dossiers):
    client.force_login(coordinator)

    html = client.get(f"{DOSSIERS}?sort=opened_on&status=intake").content.decode()

    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="\?[^"]*sort=-opened_on', html)
    assert html.count("aria-sort=") == 1
    # The other columns keep the filter and start ascending.
    assert 'href="?status=intake&amp;sort=reference"' in html
    assert '<input type="hidden" name="sort" value="opened_on">' in html


def test_an_unknown_sort_falls_back_to_the_default(client, coordinator, dossiers):
    client.force_login(coordinator)

    response = client.get(f"{DOSSIERS}?sort=entrepreneur__national_number")

    assert response.status_code == 200
    assert response.context["sort"].fields == ["-id"]


def test_the_list_shows_its_count_of_the_filtered_rows(client, coordinator, dossiers):
    client.force_login(coordinator)

    html = client.get(f"{DOSSIERS}?status=intake").content.decode()

    assert "10 resultaten" in html


def test_the_count_stops_at_the_cap(client, coordinator, dossiers, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CAP", 12)
    monkeypatch.setattr(pagination.capped_count, "__defaults__", (12,))
    client.force_login(coordinator)

    html = client.get(DOSSIERS).content.decode()

    assert "Meer dan 12 resultaten" in html


@pytest.mark.parametrize(
    ("url", "param", "first", "aria"),
    [
        (reverse("dossiers:entrepreneur_list"), "name", "Aerts", "ascending"),
        (reverse("dossiers:entrepreneur_list"), "-name", "Wouters", "descending"),
        (reverse("dossiers:advice_list"), "asked_on", "2024-01-02", "ascending"),
        (reverse("dossiers:advice_list"), "-asked_on", "2024-01-09", "descending"),
    ],
)
def test_entrepreneurs_and_advice_sort_both_ways_and_show_their_count(
    client, coordinator, gent, url, param, first, aria
):
    from dyzo.dossiers.tests.factories import AdviceEntryFactory, EntrepreneurFactory

    for name in ["Peeters", "Wouters", "Aerts"]:
        EntrepreneurFactory(last_name=name, municipality=gent)
    for day in [2, 9, 5]:
        AdviceEntryFactory(municipality=gent, asked_on=datetime.date(2024, 1, day))
    client.force_login(coordinator)

    response = client.get(f"{url}?sort={param}")

    html = response.content.decode()
    [row] = response.context["page"].items[:1]
    shown = row.last_name if "entrepreneur" in url else row.asked_on.isoformat()
    assert shown == first
    assert f'aria-sort="{aria}"' in html
    assert "3 resultaten" in html


@pytest.mark.issue(12)
@pytest.mark.parametrize("url", [DOSSIERS, reverse("dossiers:entrepreneur_list")])
def test_a_text_search_counts_up_to_the_search_cap(client, coordinator, gent, url, monkeypatch):
    from dyzo.dossiers.tests.factories import DossierFactory

    monkeypatch.setattr(pagination, "SEARCH_COUNT_CAP", 3)
    for _ in range(4):
        DossierFactory(entrepreneur__last_name="Wouters", municipality=gent)
    client.force_login(coordinator)

    searched = client.get(f"{url}?q=wouters").content.decode()
    unsearched = client.get(url).content.decode()

    assert "Meer dan 3 resultaten" in searched
    assert "4 resultaten" in unsearched
