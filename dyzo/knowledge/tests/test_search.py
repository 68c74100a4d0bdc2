"""The search contract of search.py, on whichever database the suite runs."""

import pytest

from django.db import connection

from dyzo.knowledge.models import Guide
from dyzo.knowledge.tests.factories import GuideFactory

pytestmark = pytest.mark.issue(10)


def _titles(user, text):
    return [guide.title for guide in Guide.objects.readable_by(user).search(text)]


def test_search_finds_a_guide_by_a_word_in_its_body(worker_of_gent, bankruptcy_guide):
    assert _titles(worker_of_gent, "kwijtschelding") == [bankruptcy_guide.title]


def test_search_ignores_case_and_accents(worker_of_gent, topic):
    guide = GuideFactory(topic=topic, body="Een Sociaal Verslag van het OCMW is nodig.")
    assert _titles(worker_of_gent, "verslag ocmw") == [guide.title]


def test_every_word_must_match(worker_of_gent, bankruptcy_guide):
    assert _titles(worker_of_gent, "kwijtschelding vennootschapsbelasting") == []


def test_search_never_shows_drafts_to_workers(worker_of_gent, expert, draft_guide):
    assert _titles(worker_of_gent, "overbruggingsrecht") == []
    assert _titles(expert, "overbruggingsrecht") == [draft_guide.title]


def test_best_match_comes_first(worker_of_gent, topic):
    once = GuideFactory(topic=topic, title="Aanmaningen", body="Een dagvaarding komt zelden.")
    often = GuideFactory(
        topic=topic,
        title="Dagvaarding",
        body="Wat te doen bij een dagvaarding: de dagvaarding lezen en de datum noteren.",
    )
    assert _titles(worker_of_gent, "dagvaarding") == [often.title, once.title]


@pytest.mark.parametrize("text", ["", "   ", "?!*", '"', "AND OR NOT", "title:x", "NEAR(a b)"])
def test_odd_input_is_no_error(worker_of_gent, bankruptcy_guide, text):
    assert isinstance(_titles(worker_of_gent, text), list)


def test_an_edit_is_searchable_at_once(worker_of_gent, bankruptcy_guide):
    bankruptcy_guide.body = "Voortaan over de bemiddelingsprocedure."
    bankruptcy_guide.save(update_fields=["body"])
    assert _titles(worker_of_gent, "kwijtschelding") == []
    assert _titles(worker_of_gent, "bemiddelingsprocedure") == [bankruptcy_guide.title]


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="Dutch stemming is PostgreSQL's")
def test_postgresql_finds_a_plural_by_its_dutch_stem(worker_of_gent, bankruptcy_guide):
    # The body says "faillissement"; the Dutch configuration reduces both forms to one stem.
    assert _titles(worker_of_gent, "faillissementen") == [bankruptcy_guide.title]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 prefix matching is SQLite's")
def test_sqlite_matches_word_prefixes(worker_of_gent, bankruptcy_guide):
    assert _titles(worker_of_gent, "kwijtschel") == [bankruptcy_guide.title]
