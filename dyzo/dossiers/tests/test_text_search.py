"""On SQLite, names and references are searched through FTS5 trigram tables kept by
triggers: the same rows as `icontains`, after every insert, change and delete."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import connection

from dyzo.dossiers.models import Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import DossierFactory, EntrepreneurFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 tables are SQLite's"),
]

NAMES = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "O'Neil", 'Van "De" Berg']


def icontains(text: str) -> set[int]:
    """The answer without the search table: what `icontains` finds (Python's casefold is
    ASCII-equal to SQLite's LIKE for these names)."""
    return {
        person.pk
        for person in Entrepreneur.objects.all()
        if text.casefold() in person.first_name.casefold()
        or text.casefold() in person.last_name.casefold()
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.sampled_from(NAMES).flatmap(
        lambda name: st.tuples(st.integers(0, len(name) - 3), st.integers(3, len(name))).map(
            lambda bounds: name[bounds[0] : bounds[0] + bounds[1]]
        )
    )
)
def test_a_name_search_finds_what_icontains_finds(registry, text):
    if not Entrepreneur.objects.exists():
        for index, name in enumerate(NAMES):
            EntrepreneurFactory(last_name=name, first_name=f"Voornaam{index}")
    found = set(Entrepreneur.objects.search(text).values_list("pk", flat=True))
    assert found == icontains(text)


def test_the_search_tables_follow_inserts_changes_and_deletes(registry):
    person = EntrepreneurFactory(last_name="Vandenbroucke", first_name="An")
    dossier = DossierFactory(entrepreneur=person)

    assert list(Entrepreneur.objects.search("broucke")) == [person]
    assert list(Dossier.objects.search("broucke")) == [dossier]
    assert list(Dossier.objects.search(dossier.reference[-5:])) == [dossier]

    Entrepreneur.objects.filter(pk=person.pk).update(last_name="Claes")
    assert list(Entrepreneur.objects.search("broucke")) == []
    assert list(Entrepreneur.objects.search("CLAE")) == [person]

    dossier.delete()
    person.delete()
    assert list(Entrepreneur.objects.search("claes")) == []


def test_short_text_and_fts_operators_are_plain_text(registry):
    person = EntrepreneurFactory(last_name="Aerts OR Peeters", first_name="Jo")
    EntrepreneurFactory(last_name="Peeters", first_name="Lien")

    assert list(Entrepreneur.objects.search("ts OR Pe")) == [person]  # not an OR query
    assert list(Entrepreneur.objects.search("Jo")) == [person]  # two letters: icontains
    assert list(Entrepreneur.objects.search('"*')) == []


def test_the_search_reads_the_search_table(registry):
    sql, params = Dossier.objects.search("Peeters").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " | ".join(row[-1] for row in cursor.fetchall())

    assert "dossiers_dossier_search VIRTUAL TABLE INDEX" in plan
