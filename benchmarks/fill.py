# Table names come from the models' _meta and every value is a bound parameter.
# ruff: noqa: S608
"""Fill an empty PostgreSQL database with ten years of synthetic data, fast.

Every big table is filled with INSERT ... SELECT over generate_series, one statement per
year or per chunk, so a million dossiers take minutes, not hours. Encrypted fields get one
ciphertext made once with the field's own `encrypt`. Randomness is seeded: two fills at the
same scale give the same data.

Volumes at scale 1 (the brief's target): see VOLUMES. The persona users the measurements log
in as are created here too (see `Personas`).
"""

import dataclasses
import datetime
import sys
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from benchmarks.indexes import indexes_built_after
from dyzo.accounts.constants import Expertise, Role
from dyzo.accounts.models import User
from dyzo.agreements.models import Agreement
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import (
    AdviceEntry,
    Dossier,
    DossierStatusChange,
    Entrepreneur,
    TeamMember,
)
from dyzo.localgov.models import Municipality, Party
from dyzo.reports.models import WrittenReport
from dyzo.utils.crypto_fields import encrypt

YEARS = 10
# The tables filled in bulk (their secondary indexes are built after loading).
BIG_TABLES = [
    model._meta.db_table
    for model in (
        Entrepreneur,
        Dossier,
        DossierStatusChange,
        TeamMember,
        WrittenReport,
        AdviceEntry,
        Agreement,
        AuditEntry,
    )
]
# Rows at scale 1.0.
VOLUMES = {
    "dossiers": 1_000_000,
    "entrepreneurs": 800_000,
    "advice": 2_000_000,
    "audit": 5_000_000,
}
COORDINATORS = 5
EXPERTS = 40
LAST_NAMES = [
    "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
    "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martens", "Vermeulen", "Hermans",
    "Pauwels", "Aerts", "Van den Broeck", "De Vos", "Michiels", "Smets", "Verhoeven", "Desmet",
    "Stevens", "Coppens", "Van Damme", "Segers", "Cools", "Wuyts", "Mahieu", "Lemmens",
    "Verstraete", "Hendrickx", "Baert", "Cornelis", "De Backer", "Bogaerts", "Declercq", "Thys",
]  # fmt: skip
FIRST_NAMES = [
    "Jan", "Marie", "Luc", "An", "Peter", "Els", "Koen", "Sofie", "Tom", "Katrien",
    "Bart", "Inge", "Wim", "Lien", "Geert", "Nele", "Dirk", "Sarah", "Kris", "Ann",
]  # fmt: skip
# A surname suffix makes names rarer: "Peeters" matches 1/40 of the entrepreneurs,
# "Peeters 1234" about four (see the search measurements).
NAME_SUFFIXES = 5000


@dataclasses.dataclass
class Personas:
    coordinator: User
    expert: User
    worker: User
    analyst: User
    coordinator_ids: list[int]
    expert_ids: list[int]


def progress(message: str) -> None:
    print(f"[fill] {message}", file=sys.stderr, flush=True)


def scaled(name: str, scale: float) -> int:
    return max(1, round(VOLUMES[name] * scale))


def year_range(today: datetime.date) -> list[int]:
    return list(range(today.year - YEARS + 1, today.year + 1))


def year_bounds(year: int, today: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime(year, 1, 1, 8, tzinfo=datetime.UTC)
    end = min(
        datetime.datetime(year, 12, 31, 18, tzinfo=datetime.UTC),
        datetime.datetime.combine(today, datetime.time(7), tzinfo=datetime.UTC),
    )
    return start, end


def share_per_year(total: int, today: datetime.date) -> dict[int, int]:
    """`total` rows spread over the years in proportion to their (elapsed) days."""
    days = {}
    for year in year_range(today):
        start, end = year_bounds(year, today)
        days[year] = max(1, (end - start).days)
    all_days = sum(days.values())
    return {year: max(1, round(total * count / all_days)) for year, count in days.items()}


class Filler:
    def __init__(self, scale: float, today: datetime.date | None = None):
        self.scale = scale
        self.today = today or datetime.date.today()
        self.cipher = encrypt("Synthetic benchmark text, the same for every row.")

    def run(self) -> Personas:
        started = time.monotonic()
        # One transaction: a fill that fails half-way leaves the database empty again.
        with transaction.atomic(), connection.cursor() as cursor:
            self.cursor = cursor
            cursor.execute("SET LOCAL synchronous_commit = off")
            # Django's foreign keys are deferred: check them per statement, so the progress
            # shown is the real work and COMMIT does not sit for minutes at the end.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            # A superuser skips the per-row foreign key triggers, as pg_restore
            # --disable-triggers does: the rows are made consistent by construction, and the
            # checks tripled the time of the derived tables.
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                cursor.execute("SET LOCAL session_replication_role = replica")
            cursor.execute("SELECT setseed(0.42)")
            personas = self.users()
            self.municipality_years()
            with indexes_built_after(cursor, BIG_TABLES):
                self.entrepreneurs()
                self.dossiers()
                self.status_changes(personas)
                self.team(personas)
                self.reports(personas)
                self.advice(personas)
                self.agreements()
                self.audit(personas)
        with connection.cursor() as cursor:
            self.cursor = cursor
            self.analyze()
        progress(f"done in {time.monotonic() - started:.0f} s")
        return personas

    def sql(self, label: str, statement: str, params=()) -> int:
        started = time.monotonic()
        self.cursor.execute(statement, params)
        count = self.cursor.rowcount
        progress(f"{label}: {count:,} rows in {time.monotonic() - started:.1f} s")
        return count

    # Users -------------------------------------------------------------------------------

    def users(self) -> Personas:
        coordinators = [
            _user(f"bench_coordinator{n}", Role.COORDINATOR) for n in range(COORDINATORS)
        ]
        experts = [
            _user(f"bench_expert{n}", Role.EXPERT, expertise=Expertise.LAWYER)
            for n in range(EXPERTS)
        ]
        worker = _user("bench_worker_gent", Role.MUNICIPAL_WORKER)
        worker.parties.set(Party.objects.filter(municipality__nis_code="44021"))
        analyst = _user("bench_analyst", Role.ANALYST)
        progress(f"users: {COORDINATORS} coordinators, {EXPERTS} experts, a worker, an analyst")
        return Personas(
            coordinator=coordinators[0],
            expert=experts[0],
            worker=worker,
            analyst=analyst,
            coordinator_ids=[user.pk for user in coordinators],
            expert_ids=[user.pk for user in experts],
        )

    # Municipalities per year ----------------------------------------------------------------

    def municipality_years(self) -> None:
        """A temporary table (year, idx, municipality_id): the municipalities of each year,
        the most populous first, so that `idx = floor(n * random()^2)` gives big cities more
        rows, as in reality. Years before the registry's first use its first set."""
        self.cursor.execute(
            "CREATE TEMPORARY TABLE bench_municipality (year int, idx int, id bigint)"
            " ON COMMIT DROP"
        )
        self.cursor.execute(
            "CREATE TEMPORARY TABLE bench_municipality_count (year int, n int) ON COMMIT DROP"
        )
        rows, counts = [], []
        for year in year_range(self.today):
            existing = Municipality.objects.of_year(max(year, 2018)).with_population(2018)
            ordered = sorted(existing, key=lambda m: -(m.population or 0))
            rows += [(year, idx, m.pk) for idx, m in enumerate(ordered)]
            counts.append((year, len(ordered)))
        self.cursor.executemany("INSERT INTO bench_municipality VALUES (%s, %s, %s)", rows)
        self.cursor.executemany("INSERT INTO bench_municipality_count VALUES (%s, %s)", counts)
        self.cursor.execute("CREATE INDEX ON bench_municipality (year, idx)")
        sizes = ", ".join(f"{year}: {n}" for year, n in counts)
        progress(f"municipalities per year: {sizes}")

    # Entrepreneurs and dossiers -----------------------------------------------------------

    def entrepreneurs(self) -> None:
        total = scaled("entrepreneurs", self.scale)
        chunk = max(1, total // 10)
        table = Entrepreneur._meta.db_table
        last_year = self.today.year
        for low in range(1, total + 1, chunk):
            high = min(total, low + chunk - 1)
            self.sql(
                f"entrepreneurs {high:,}/{total:,}",
                f"""
                INSERT INTO {table} (first_name, last_name, date_of_birth, enterprise_number,
                    legal_form, sector, municipality_id, address, phone, email,
                    situation_notes, created_at)
                SELECT (%(first)s::text[])[1 + (i * 7) %% 20],
                       (%(last)s::text[])[1 + i %% 40] || ' ' || ((i / 40) %% {NAME_SUFFIXES}),
                       DATE '1960-01-01' + (i %% 14000)::int,
                       CASE WHEN i %% 3 = 0 THEN NULL ELSE lpad(i::text, 10, '0') END,
                       'BV', 'horeca', m.id, 'Kerkstraat 1', '', '',
                       CASE WHEN i %% 10 = 0 THEN %(cipher)s ELSE '' END,
                       %(start)s + %(span)s * (i::float8 / %(total)s)
                FROM (
                    SELECT i, floor(c.n * random() ^ 2)::int AS idx
                    FROM generate_series(%(low)s::int, %(high)s::int) AS i
                    JOIN bench_municipality_count c ON c.year = {last_year}
                ) AS drawn
                JOIN bench_municipality m ON m.year = {last_year} AND m.idx = drawn.idx
                """,
                {
                    "first": FIRST_NAMES,
                    "last": LAST_NAMES,
                    "cipher": self.cipher,
                    "start": year_bounds(self.today.year - YEARS + 1, self.today)[0],
                    "span": datetime.timedelta(days=365 * YEARS),
                    "total": total,
                    "low": low,
                    "high": high,
                },
            )

    def dossiers(self) -> None:
        """Per year, in order, so ids grow with time as in reality. Older dossiers are
        finished (closed, cancelled, a few awaiting closure); the last eight months hold
        every status."""
        table = Dossier._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT min(id), max(id) FROM {Entrepreneur._meta.db_table}")
            first_entrepreneur, last_entrepreneur = cursor.fetchone()
        for year, count in share_per_year(scaled("dossiers", self.scale), self.today).items():
            start, end = year_bounds(year, self.today)
            self.sql(f"dossiers {year}", DOSSIERS_SQL.format(table=table), {
                "year": year,
                "count": count,
                "start": start,
                "span": end - start,
                "today": self.today,
                "cipher": self.cipher,
                "e0": first_entrepreneur,
                "en": last_entrepreneur - first_entrepreneur + 1,
            })  # fmt: skip

    def status_changes(self, personas: Personas) -> None:
        table = DossierStatusChange._meta.db_table
        dossiers = Dossier._meta.db_table
        actor = personas.coordinator.pk
        self.sql(
            "status history: intake",
            f"""INSERT INTO {table} (dossier_id, from_status, to_status, actor_id, at, note)
            SELECT id, '', 'intake', {actor}, created_at, '' FROM {dossiers}""",
        )
        self.sql(
            "status history: report delivered",
            f"""INSERT INTO {table} (dossier_id, from_status, to_status, actor_id, at, note)
            SELECT id, 'report_drafting', 'report_delivered', {actor},
                   report_delivered_on + TIME '15:00', ''
            FROM {dossiers} WHERE report_delivered_on IS NOT NULL""",
        )
        self.sql(
            "status history: last step",
            f"""INSERT INTO {table} (dossier_id, from_status, to_status, actor_id, at, note)
            SELECT id, 'investigation', status, {actor}, status_changed_on + TIME '16:00', ''
            FROM {dossiers} WHERE status NOT IN ('intake', 'report_delivered')""",
        )

    def team(self, personas: Personas) -> None:
        table = TeamMember._meta.db_table
        dossiers = Dossier._meta.db_table
        self.sql(
            "team: coordinators",
            f"""INSERT INTO {table} (dossier_id, user_id, role, added_at)
            SELECT id, (%(ids)s::bigint[])[1 + id %% {COORDINATORS}], 'coordinator', created_at
            FROM {dossiers}""",
            {"ids": personas.coordinator_ids},
        )
        self.sql(
            "team: experts",
            f"""INSERT INTO {table} (dossier_id, user_id, role, added_at)
            SELECT id, (%(ids)s::bigint[])[1 + (id * 7919) %% {EXPERTS}], 'lawyer', created_at
            FROM {dossiers}""",
            {"ids": personas.expert_ids},
        )

    def reports(self, personas: Personas) -> None:
        """One delivered written report per dossier with a delivered report (no versions:
        only the report's own page reads those)."""
        self.sql(
            "written reports",
            f"""INSERT INTO {WrittenReport._meta.db_table} (dossier_id, status,
                approved_version_id, approved_by_id, approved_at, delivered_at, pdf,
                self_approved, created_at, updated_at)
            SELECT id, 'delivered', NULL, {personas.coordinator.pk},
                   report_delivered_on + TIME '10:00', report_delivered_on + TIME '15:00', '',
                   FALSE, created_at, report_delivered_on + TIME '15:00'
            FROM {Dossier._meta.db_table} WHERE report_delivered_on IS NOT NULL""",
        )

    # Advice, agreements, audit -------------------------------------------------------------

    def advice(self, personas: Personas) -> None:
        table = AdviceEntry._meta.db_table
        handlers = personas.coordinator_ids + personas.expert_ids
        for year, count in share_per_year(scaled("advice", self.scale), self.today).items():
            start, end = year_bounds(year, self.today)
            self.sql(
                f"advice {year}",
                f"""
                INSERT INTO {table} (municipality_id, party, asked_by, asked_by_user_id,
                    channel, topic, question, advice, minutes_spent, asked_on, handled_by_id,
                    imported_for_year, created_at)
                SELECT m.id, CASE WHEN i %% 2 = 0 THEN 'gemeente' ELSE 'ocmw' END,
                       'Maatschappelijk werker', NULL,
                       CASE WHEN i %% 3 = 0 THEN 'mail' ELSE 'phone' END,
                       'Vraag over schulden', %(cipher)s, %(cipher)s, 15 + i %% 45,
                       (%(start)s + %(span)s * (i::float8 / %(count)s))::date,
                       (%(handlers)s::bigint[])[1 + (i * 31) %% %(n_handlers)s],
                       NULL, %(start)s + %(span)s * (i::float8 / %(count)s)
                FROM (
                    SELECT i, floor(c.n * random() ^ 2)::int AS idx
                    FROM generate_series(1, %(count)s::int) AS i
                    JOIN bench_municipality_count c ON c.year = %(year)s::int
                ) AS drawn
                JOIN bench_municipality m ON m.year = %(year)s::int AND m.idx = drawn.idx
                """,
                {
                    "year": year,
                    "count": count,
                    "start": start,
                    "span": end - start,
                    "cipher": self.cipher,
                    "handlers": handlers,
                    "n_handlers": len(handlers),
                },
            )

    def agreements(self) -> None:
        """Each year about 60% of the municipalities have a signed agreement for the year,
        two thirds of them a subscription; a few drafts for next year."""
        self.sql(
            "agreements",
            f"""
            INSERT INTO {Agreement._meta.db_table} (municipality_id, party, form, status,
                starts_on, ends_on, signed_on, annual_fee, fee_enterprise_scan,
                fee_social_pre_investigation, document, notes, imported_for_year,
                created_at, updated_at)
            SELECT m.id, (ARRAY['gemeente', 'ocmw', 'both'])[1 + (m.id %% 3)::int],
                   CASE WHEN (m.id + m.year) %% 3 = 0 THEN 'pay_per_case'
                        ELSE 'annual_agreement' END,
                   CASE WHEN m.year > %(this_year)s THEN 'draft' ELSE 'signed' END,
                   make_date(m.year, 1, 1), make_date(m.year, 12, 31),
                   CASE WHEN m.year > %(this_year)s THEN NULL ELSE make_date(m.year - 1, 12, 1)
                   END,
                   1500, 450, 350, '', '', NULL,
                   make_date(m.year - 1, 11, 1), make_date(m.year - 1, 12, 1)
            FROM (SELECT year, id FROM bench_municipality
                  UNION ALL SELECT year + 1, id FROM bench_municipality
                  WHERE year = %(this_year)s AND idx %% 10 = 0) AS m
            WHERE (m.id * 7 + m.year) %% 10 < 6
            ORDER BY m.year, m.id
            """,
            {"this_year": self.today.year},
        )

    def audit(self, personas: Personas) -> None:
        """The trail grows with every list and detail page shown: millions of rows."""
        table = AuditEntry._meta.db_table
        dossier_type = ContentType.objects.get_for_model(Dossier).pk
        actors = personas.coordinator_ids + personas.expert_ids
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT min(id), max(id) FROM {Dossier._meta.db_table}")
            first_dossier, last_dossier = cursor.fetchone()
        for year, count in share_per_year(scaled("audit", self.scale), self.today).items():
            start, end = year_bounds(year, self.today)
            self.sql(f"audit {year}", AUDIT_SQL.format(table=table), {
                "count": count,
                "start": start,
                "span": end - start,
                "actors": actors,
                "n_actors": len(actors),
                "dossier_type": dossier_type,
                "d0": first_dossier,
                "dn": last_dossier - first_dossier + 1,
            })  # fmt: skip

    def analyze(self) -> None:
        started = time.monotonic()
        tables = BIG_TABLES
        # VACUUM sets the visibility map too, so index-only scans work as in production.
        # Inside a transaction (the benchmark's own tests) only ANALYZE may run.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        for table in tables:
            self.cursor.execute(f"{command} {table}")
        progress(f"vacuum analyze: {time.monotonic() - started:.0f} s")


def _user(username: str, role: str, **fields) -> User:
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={"role": role, "first_name": "Bench", "last_name": username, **fields},
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


DOSSIERS_SQL = """
WITH raw AS (
    SELECT i AS number, %(start)s + %(span)s * (i - 0.5) / %(count)s AS created,
           random() AS r_status, random() AS r_basis, random() AS r_type,
           random() AS r_entrepreneur, floor(c.n * random() ^ 2)::int AS idx
    FROM generate_series(1, %(count)s::int) AS i
    JOIN bench_municipality_count c ON c.year = %(year)s::int
), aged AS (
    SELECT raw.*, created::date AS opened_on, %(today)s - created::date AS age,
           CASE WHEN %(today)s - created::date > 240 THEN
                CASE WHEN r_status < 0.88 THEN 'closed'
                     WHEN r_status < 0.98 THEN 'cancelled'
                     ELSE 'report_delivered' END
           ELSE (ARRAY['intake', 'data_collection', 'investigation', 'report_drafting',
                       'report_delivered', 'closed', 'cancelled'])[1 + floor(r_status * 7)::int]
           END AS status
    FROM raw
), dated AS (
    SELECT aged.*,
           LEAST(opened_on + CASE WHEN status IN ('closed', 'cancelled') THEN 90
                                  WHEN status = 'report_delivered' THEN 60
                                  ELSE age / 2 END, %(today)s) AS status_changed_on,
           CASE WHEN status IN ('closed', 'report_delivered')
                THEN LEAST(opened_on + 60, %(today)s) END AS report_delivered_on
    FROM aged
)
INSERT INTO {table} (reference, year, number, case_type, municipality_id, referring_party,
    referring_worker_id, entrepreneur_id, phase, help_request, basis, status,
    status_changed_on, outcome, opened_on, closed_on, report_delivered_on, version,
    created_at, updated_at)
SELECT %(year)s::int || '-' || lpad(number::text, greatest(4, length(number::text)), '0'),
       %(year)s::int, number,
       CASE WHEN r_type < 0.7 THEN 'enterprise_scan' ELSE 'social_pre_investigation' END,
       m.id, CASE WHEN number %% 2 = 0 THEN 'gemeente' ELSE 'ocmw' END, NULL,
       %(e0)s + floor(r_entrepreneur * %(en)s)::bigint,
       (ARRAY['starting', 'active', 'in_difficulty', 'winding_down', 'stopped'])[1 + number %% 5],
       %(cipher)s,
       CASE WHEN r_basis < 0.6 THEN 'subscription' WHEN r_basis < 0.9 THEN 'per_case'
            ELSE 'not_covered' END,
       status, status_changed_on,
       CASE WHEN status = 'closed' THEN 'business_continued' ELSE '' END,
       opened_on,
       CASE WHEN status IN ('closed', 'cancelled') THEN status_changed_on END,
       report_delivered_on, 1, created, created
FROM dated
JOIN bench_municipality m ON m.year = %(year)s::int AND m.idx = dated.idx
ORDER BY number
"""

AUDIT_SQL = """
INSERT INTO {table} (created_at, code, actor_id, actor_username, content_type_id, object_id,
    object_repr, data, ip_address, user_agent, path)
SELECT at, code, actor, 'bench_user', CASE WHEN code = 'dossier.listed' THEN NULL
       ELSE %(dossier_type)s END,
       CASE WHEN code = 'dossier.listed' THEN '' ELSE dossier::text END,
       CASE WHEN code = 'dossier.listed' THEN '' ELSE 'dossiers.dossier #' || dossier END,
       '{{}}'::jsonb, '10.0.0.1', 'Mozilla/5.0', '/dossiers/'
FROM (
    SELECT %(start)s + %(span)s * (i::float8 / %(count)s) AS at,
           (ARRAY['dossier.viewed', 'dossier.listed', 'dossier.moved', 'report.viewed'])
               [1 + i %% 4] AS code,
           (%(actors)s::bigint[])[1 + (i * 13) %% %(n_actors)s] AS actor,
           %(d0)s + floor(random() * %(dn)s)::bigint AS dossier
    FROM generate_series(1, %(count)s::int) AS i
) AS generated
"""
