"""Substring search of names and references that an index serves on both databases.

PostgreSQL serves `icontains` from its trigram indexes (migration 0004). SQLite has none:
`icontains` read every entrepreneur or dossier (0.2-0.8 s at a million dossiers). On SQLite
an FTS5 table with the trigram tokenizer stands beside each searched table (migration 0014,
kept by triggers), and a search of three characters or more asks it; shorter text stays a
plain `icontains`. The trigram tokenizer matches substrings without regard to case, as
`icontains` does (and also for letters beyond ASCII, which SQLite's LIKE does not fold).
"""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

SEARCH_TABLES = {
    "dossiers_entrepreneur": "dossiers_entrepreneur_search",
    "dossiers_dossier": "dossiers_dossier_search",
}
TRIGRAM = 3


def uses_search_table(text: str) -> bool:
    return connection.vendor == "sqlite" and len(text) >= TRIGRAM


def matching_ids(table: str, text: str) -> RawSQL:
    """The ids of the rows of `table` whose searched columns contain `text` (SQLite). The
    text is one quoted FTS5 phrase, a parameter: no FTS5 operators from user input."""
    search_table = SEARCH_TABLES[table]
    phrase = '"' + text.replace('"', '""') + '"'
    sql = f"SELECT rowid FROM {search_table} WHERE {search_table} MATCH %s"  # noqa: S608
    return RawSQL(sql, [phrase])  # noqa: S611 (a constant table name, the text a parameter)


def contains(table: str, fields: list[str], text: str) -> Q:
    """Rows of `table` whose `fields` contain `text`: on SQLite `id IN (the FTS5 matches)`,
    else `field__icontains` of each field."""
    if uses_search_table(text):
        return Q(pk__in=matching_ids(table, text))
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": text})
    return condition
