from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyzo.localgov.models import Municipality, Population
from dyzo.utils.pagination import keyset_page


def walk(queryset, fields, size):
    seen, cursor = [], None
    while True:
        page = keyset_page(queryset, fields, cursor, size=size)
        seen += [obj.pk for obj in page.items]
        if not page.next_cursor:
            return seen
        cursor = page.next_cursor


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    size=st.integers(min_value=1, max_value=120),
    fields=st.sampled_from(
        [
            ["nis_code"],
            ["-nis_code"],
            ["name", "pk"],
            ["-name", "-pk"],
            ["province__name", "-name", "pk"],
            ["valid_from", "pk"],
        ]
    ),
)
def test_pages_cover_every_row_once_in_order(registry, size, fields):
    queryset = Municipality.objects.filter(valid_from__isnull=False) | Municipality.objects.filter(
        province__name="Limburg"
    )
    if "valid_from" in fields:
        queryset = Municipality.objects.filter(valid_from__isnull=False)
    expected = list(queryset.order_by(*fields).values_list("pk", flat=True))
    assert walk(queryset, fields, size) == expected


def test_a_broken_cursor_starts_at_the_first_page(registry):
    page = keyset_page(Municipality.objects.all(), ["nis_code"], "not-a-cursor", size=3)
    assert page.is_first
    assert [m.nis_code for m in page.items] == ["11001", "11002", "11004"]


def test_dates_and_numbers_survive_the_cursor(registry):
    queryset = Population.objects.all()
    expected = list(queryset.order_by("-inhabitants", "pk").values_list("pk", flat=True))
    assert walk(queryset, ["-inhabitants", "pk"], 97) == expected
