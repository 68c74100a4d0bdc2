"""`field__in_literals`: IN with the values written into the SQL instead of bound.

SQLite uses a partial index only when the query's WHERE implies the index's WHERE, and a
bound parameter implies nothing: the open-dossier indexes (`status IN ('intake', ...)`)
served no query, and the dashboard's overdue list read a million dossiers (115 ms) for
its first 50. For values of the code (an enum's), never for input: each must be a plain
lower-case word, or the lookup refuses it.
"""

import re

from django.db import models

WORD = re.compile(r"[a-z][a-z0-9_]*\Z")


@models.CharField.register_lookup
class InLiterals(models.Lookup):
    lookup_name = "in_literals"
    prepare_rhs = False

    def get_prep_lookup(self):
        values = list(self.rhs)
        if not values or not all(isinstance(v, str) and WORD.match(v) for v in values):
            raise ValueError(f"in_literals takes plain words of the code only, not {values!r}")
        return values

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        values = ", ".join(f"'{value}'" for value in self.rhs)
        return f"{lhs} IN ({values})", params
