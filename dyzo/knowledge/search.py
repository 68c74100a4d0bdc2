"""Full-text search over guides, one results contract on both databases.

The contract: `search_guides(queryset, text)` returns the guides of `queryset` that match
every word of `text` (case and accents ignored), best match first, then by title; at most
SEARCH_LIMIT; an empty or wordless `text` matches nothing. The filter on `queryset` (drafts
hidden from workers) is applied by the database, never after the limit.

PostgreSQL matches on Dutch stems (the `dutch` configuration: "faillissementen" finds
"faillissement"); the GIN index of migration 0002 serves the same expression. SQLite
matches word prefixes in an FTS5 table that triggers keep equal to the guides (migration
0002), so "schuld" finds "schulden" there but a plural does not find its singular.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from dyzo.knowledge.constants import SEARCH_LIMIT

CONFIG = "dutch"
FTS_TABLE = "knowledge_guide_fts"
WORD = re.compile(r"\w+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return WORD.findall(text or "")[:20]


def guide_vector() -> SearchVector:
    """The searched text: the same expression as the index (migration 0002)."""
    return SearchVector("title", "summary", "body", config=CONFIG)


def search_guides(queryset: QuerySet, text: str) -> QuerySet:
    words = words_of(text)
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        return _postgresql(queryset, words)
    return _sqlite(queryset, words)


def _postgresql(queryset, words):
    query = SearchQuery(" ".join(words), config=CONFIG, search_type="plain")
    vector = guide_vector()
    return (
        queryset.annotate(document=vector)
        .filter(document=query)
        .annotate(rank=SearchRank(vector, query))
        .order_by("-rank", "title", "id")[:SEARCH_LIMIT]
    )


def _sqlite(queryset, words):
    # Each word quoted (no FTS5 operators from user input) and matched as a prefix.
    match = " ".join('"{}"*'.format(word.replace('"', "")) for word in words)
    # The visible guides are a subquery, so the limit counts only guides the user may see.
    # Its SQL is what the ORM compiled; every value is a parameter.
    visible_sql, visible_params = queryset.order_by().values("id").query.sql_with_params()
    sql = (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
        f"AND rowid IN ({visible_sql}) ORDER BY bm25({FTS_TABLE}) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *visible_params, SEARCH_LIMIT])
        ranked = [row[0] for row in cursor.fetchall()]
    if not ranked:
        return queryset.none()
    order = Case(
        *[When(id=pk, then=Value(position)) for position, pk in enumerate(ranked)],
        output_field=IntegerField(),
    )
    return queryset.filter(id__in=ranked).annotate(rank=order).order_by(F("rank"), "title", "id")
