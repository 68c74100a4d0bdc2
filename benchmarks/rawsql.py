"""The yearly classification as one hand-written SQL statement: the yardstick that
`classify_year` is measured against (issue 12: within 3x of it). Runs on PostgreSQL and
SQLite alike; a test checks that it gives the same answer as `classify_year`.

It follows the rule of docs/cooperation-rule.md: mergers are followed by a recursive CTE
(a code maps to the municipality that covers it on 1 January), then each municipality of
the year gets the first category its records give.
"""

# Table names come from the models' _meta; every value is a bound parameter.
# ruff: noqa: S608

import datetime

from django.db import connection

from dyzo.agreements.constants import AgreementForm, AgreementParty
from dyzo.agreements.models import Agreement
from dyzo.agreements.query import IN_FORCE_STATUSES
from dyzo.dossiers.constants import DossierBasis
from dyzo.dossiers.models import AdviceEntry, Dossier
from dyzo.insights.constants import Category
from dyzo.localgov.models import Merger, Municipality


def _existed(alias: str) -> str:
    return (
        f"(({alias}.valid_from IS NULL OR {alias}.valid_from <= %(jan)s)"
        f" AND ({alias}.valid_to IS NULL OR %(jan)s <= {alias}.valid_to))"
    )


def classify_year_sql() -> str:
    m, g = Municipality._meta.db_table, Merger._meta.db_table
    a, d, e = Agreement._meta.db_table, Dossier._meta.db_table, AdviceEntry._meta.db_table
    statuses = ", ".join(f"'{status}'" for status in IN_FORCE_STATUSES)
    return f"""
WITH RECURSIVE walk (code_id, cur_id) AS (
    SELECT id, id FROM {m}
    UNION ALL
    SELECT walk.code_id, g.successor_id
    FROM walk
    JOIN {m} cur ON cur.id = walk.cur_id
    JOIN {g} g ON g.predecessor_id = walk.cur_id
    WHERE NOT {_existed("cur")} AND (cur.valid_from IS NULL OR cur.valid_from <= %(jan)s)
), covering AS (
    SELECT walk.code_id, walk.cur_id FROM walk JOIN {m} cur ON cur.id = walk.cur_id
    WHERE {_existed("cur")}
), agreed AS (
    SELECT DISTINCT covering.cur_id AS id, a.form, a.party
    FROM {a} a JOIN covering ON covering.code_id = a.municipality_id
    WHERE a.status IN ({statuses}) AND a.starts_on <= %(dec)s
      AND (a.ends_on IS NULL OR a.ends_on >= %(jan)s)
), per_case AS (
    SELECT DISTINCT covering.cur_id AS id FROM covering
    WHERE EXISTS (SELECT 1 FROM {d} d WHERE d.municipality_id = covering.code_id
                  AND d.basis = '{DossierBasis.PER_CASE}'
                  AND d.report_delivered_on BETWEEN %(jan)s AND %(dec)s)
), remote AS (
    SELECT DISTINCT covering.cur_id AS id FROM covering
    WHERE EXISTS (SELECT 1 FROM {e} e WHERE e.municipality_id = covering.code_id
                  AND e.imported_for_year IS NULL AND e.asked_on BETWEEN %(jan)s AND %(dec)s)
       OR EXISTS (SELECT 1 FROM {e} e WHERE e.municipality_id = covering.code_id
                  AND e.imported_for_year = %(year)s)
)
SELECT m.nis_code,
       CASE WHEN EXISTS (SELECT 1 FROM agreed WHERE agreed.id = m.id
                         AND agreed.form = '{AgreementForm.ANNUAL}')
                 THEN '{Category.ANNUAL_AGREEMENT}'
            WHEN EXISTS (SELECT 1 FROM agreed WHERE agreed.id = m.id)
              OR EXISTS (SELECT 1 FROM per_case WHERE per_case.id = m.id)
                 THEN '{Category.PAY_PER_CASE}'
            WHEN EXISTS (SELECT 1 FROM remote WHERE remote.id = m.id)
                 THEN '{Category.REMOTE_ONLY}'
            ELSE '{Category.NONE}' END,
       (SELECT CASE WHEN COUNT(DISTINCT agreed.party) > 1 THEN '{AgreementParty.BOTH}'
                    ELSE MAX(agreed.party) END
        FROM agreed WHERE agreed.id = m.id AND agreed.form = '{AgreementForm.ANNUAL}')
FROM {m} m
WHERE {_existed("m")}
ORDER BY m.nis_code
"""


def classify_year_raw(year: int) -> list[tuple[str, str, str | None]]:
    """(NIS code, category, agreement party or None) of every municipality of `year`."""
    params = {
        "jan": datetime.date(year, 1, 1),
        "dec": datetime.date(year, 12, 31),
        "year": year,
    }
    with connection.cursor() as cursor:
        cursor.execute(classify_year_sql(), params)
        return [tuple(row) for row in cursor.fetchall()]
