import datetime

import pytest

from dyzo.localgov.models import Municipality
from dyzo.localgov.registry import area_of, covering_map, covering_municipality

D2018 = datetime.date(2018, 6, 1)
D2019 = datetime.date(2019, 1, 1)
D2026 = datetime.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("44049", D2018, "44049"),  # Nevele still existed
        ("44049", D2019, "44083"),  # then merged into Deinze
        ("11007", D2026, "11002"),  # Borsbeek into Antwerpen, which kept its code
        ("71047", D2026, "72042"),  # Opglabbeek -> Oudsbergen, which did not merge again
        ("71022", D2026, "71072"),  # Hasselt got a new code in 2025
        ("11056", D2026, "46030"),  # Zwijndrecht into another province
        ("44083", D2018, None),  # the new Deinze covered two municipalities in 2018
        ("99999", D2026, None),
    ],
)
def test_covering_municipality(registry, code, on, expected):
    found = covering_municipality(code, on)
    assert (found.nis_code if found else None) == expected


@pytest.mark.parametrize("on", [D2018, D2019, datetime.date(2024, 12, 31), D2026])
def test_covering_map_covers_with_the_municipalities_of_the_day(
    registry, on, django_assert_num_queries
):
    with django_assert_num_queries(2):  # municipalities, merger links
        mapping = covering_map(on)
    existing = set(Municipality.objects.existing_on(on).values_list("nis_code", flat=True))
    assert {m.nis_code for m in mapping.values()} == existing


@pytest.mark.parametrize(
    ("code", "on", "expected"),
    [
        ("11002", datetime.date(2024, 12, 31), {"11002"}),  # Antwerpen before the merger
        ("11002", D2026, {"11002", "11007"}),  # with Borsbeek from 2025
        ("44083", D2019, {"44083", "44011", "44049"}),  # Deinze = old Deinze + Nevele
        ("46030", D2026, {"46030", "46003", "46013", "11056"}),
        ("11007", D2026, {"11007"}),  # a former municipality keeps its own code
    ],
)
def test_area_of_is_the_inverse_of_the_covering_map(registry, code, on, expected):
    pk = Municipality.objects.get(nis_code=code).pk
    assert area_of([pk], on) == expected
