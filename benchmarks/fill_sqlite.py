"""Fill an empty SQLite database with the same synthetic data as benchmarks/fill.py.

SQLite has no generate_series nor arrays, and it runs in this process anyway: the rows are
made in Python (seeded, so two fills at one scale are equal) and written with executemany
in one transaction, secondary indexes built after loading. Rows derived from the dossiers
(status history, team, reports) are INSERT ... SELECT, as on PostgreSQL. Same volumes and
distributions as the PostgreSQL fill (see its docstring), not the same random draws.
"""

# Table names come from the models' _meta and every value is a bound parameter.
# ruff: noqa: S608

import datetime
import itertools
import random
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from benchmarks.fill import (
    BIG_TABLES,
    COORDINATORS,
    EXPERTS,
    FIRST_NAMES,
    LAST_NAMES,
    NAME_SUFFIXES,
    YEARS,
    Filler,
    Personas,
    progress,
    scaled,
    share_per_year,
    year_bounds,
    year_range,
)
from benchmarks.indexes import indexes_built_after
from dyzo.agreements.models import Agreement
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import (
    AdviceEntry,
    Dossier,
    DossierStatusChange,
    Entrepreneur,
    TeamMember,
)
from dyzo.localgov.models import Municipality
from dyzo.reports.models import WrittenReport

CHUNK = 50_000
STATUSES = [
    "intake", "data_collection", "investigation", "report_drafting", "report_delivered",
    "closed", "cancelled",
]  # fmt: skip
PHASES = ["starting", "active", "in_difficulty", "winding_down", "stopped"]
AUDIT_CODES = ["dossier.viewed", "dossier.listed", "dossier.moved", "report.viewed"]


def stamp(moment: datetime.datetime) -> str:
    """A datetime as Django stores it in SQLite (UTC, no offset)."""
    return moment.replace(tzinfo=None).isoformat(" ")


class SqliteFiller(Filler):
    def run(self) -> Personas:
        started = time.monotonic()
        self.random = random.Random(42)
        with connection.cursor() as cursor:
            # A benchmark database can be made again: no journal fsyncs while filling.
            if not connection.in_atomic_block:
                cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -262144")
        with transaction.atomic(), connection.cursor() as cursor:
            self.cursor = cursor
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

    def insert(self, label: str, table: str, columns: list[str], rows) -> None:
        started = time.monotonic()
        statement = (
            f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        count = 0
        rows = iter(rows)
        while chunk := list(itertools.islice(rows, CHUNK)):
            self.cursor.executemany(statement, chunk)
            count += len(chunk)
        progress(f"{label}: {count:,} rows in {time.monotonic() - started:.1f} s")

    def draw(self, year: int) -> int:
        """A municipality of `year`, big cities more often (as `n * random()^2` on
        PostgreSQL)."""
        ids = self.by_year[year]
        return ids[int(len(ids) * self.random.random() ** 2)]

    def municipality_years(self) -> None:
        self.by_year = {}
        for year in year_range(self.today):
            existing = Municipality.objects.of_year(max(year, 2018)).with_population(2018)
            ordered = sorted(existing, key=lambda m: -(m.population or 0))
            self.by_year[year] = [m.pk for m in ordered]
        progress(f"municipalities per year: {len(self.by_year[self.today.year])} this year")

    def entrepreneurs(self) -> None:
        total = scaled("entrepreneurs", self.scale)
        start = year_bounds(self.today.year - YEARS + 1, self.today)[0]
        span = datetime.timedelta(days=365 * YEARS)
        this_year = self.today.year
        first = datetime.date(1960, 1, 1)

        def rows():
            for i in range(1, total + 1):
                yield (
                    FIRST_NAMES[(i * 7) % 20],
                    f"{LAST_NAMES[i % 40]} {(i // 40) % NAME_SUFFIXES}",
                    (first + datetime.timedelta(days=i % 14000)).isoformat(),
                    None if i % 3 == 0 else f"{i:010d}",
                    "BV",
                    "horeca",
                    self.draw(this_year),
                    "Kerkstraat 1",
                    "",
                    "",
                    self.cipher if i % 10 == 0 else "",
                    stamp(start + span * (i / total)),
                )

        self.insert("entrepreneurs", Entrepreneur._meta.db_table, [
            "first_name", "last_name", "date_of_birth", "enterprise_number", "legal_form",
            "sector", "municipality_id", "address", "phone", "email", "situation_notes",
            "created_at",
        ], rows())  # fmt: skip

    def dossiers(self) -> None:
        self.cursor.execute(f"SELECT min(id), max(id) FROM {Entrepreneur._meta.db_table}")
        e0, last = self.cursor.fetchone()
        columns = [
            "reference", "year", "number", "case_type", "municipality_id", "referring_party",
            "entrepreneur_id", "phase", "help_request", "basis", "status",
            "status_changed_on", "outcome", "opened_on", "closed_on", "report_delivered_on",
            "version", "created_at", "updated_at",
        ]  # fmt: skip
        for year, count in share_per_year(scaled("dossiers", self.scale), self.today).items():
            rows = (self.dossier(year, i, count, e0, last - e0 + 1) for i in range(1, count + 1))
            self.insert(f"dossiers {year}", Dossier._meta.db_table, columns, rows)

    def dossier(self, year: int, i: int, count: int, e0: int, en: int) -> tuple:
        """One dossier, by the rules of DOSSIERS_SQL in fill.py."""
        start, end = year_bounds(year, self.today)
        draw = self.random.random
        created = start + (end - start) * ((i - 0.5) / count)
        opened = created.date()
        age = (self.today - opened).days
        r_status = draw()
        if age > 240:
            status = "closed" if r_status < 0.88 else "cancelled" if r_status < 0.98 else ""
            status = status or "report_delivered"
        else:
            status = STATUSES[int(r_status * 7)]
        finished = status in ("closed", "cancelled")
        days = 90 if finished else 60 if status == "report_delivered" else age // 2
        changed = min(opened + datetime.timedelta(days=days), self.today)
        delivered = None
        if status in ("closed", "report_delivered"):
            delivered = min(opened + datetime.timedelta(days=60), self.today)
        r_basis = draw()
        basis = "subscription" if r_basis < 0.6 else "per_case" if r_basis < 0.9 else ""
        return (
            f"{year}-{i:04d}",
            year,
            i,
            "enterprise_scan" if draw() < 0.7 else "social_pre_investigation",
            self.draw(year),
            "gemeente" if i % 2 == 0 else "ocmw",
            e0 + int(draw() * en),
            PHASES[i % 5],
            self.cipher,
            basis or "not_covered",
            status,
            changed.isoformat(),
            "business_continued" if status == "closed" else "",
            opened.isoformat(),
            changed.isoformat() if finished else None,
            delivered and delivered.isoformat(),
            1,
            stamp(created),
            stamp(created),
        )

    def status_changes(self, personas: Personas) -> None:
        table = DossierStatusChange._meta.db_table
        dossiers = Dossier._meta.db_table
        actor = personas.coordinator.pk
        columns = "(dossier_id, from_status, to_status, actor_id, at, note)"
        self.sql(
            "status history: intake",
            f"INSERT INTO {table} {columns} SELECT id, '', 'intake', {actor}, created_at, ''"
            f" FROM {dossiers}",
        )
        self.sql(
            "status history: report delivered",
            f"INSERT INTO {table} {columns} SELECT id, 'report_drafting', 'report_delivered',"
            f" {actor}, report_delivered_on || ' 15:00:00', '' FROM {dossiers}"
            " WHERE report_delivered_on IS NOT NULL",
        )
        self.sql(
            "status history: last step",
            f"INSERT INTO {table} {columns} SELECT id, 'investigation', status, {actor},"
            f" status_changed_on || ' 16:00:00', '' FROM {dossiers}"
            " WHERE status NOT IN ('intake', 'report_delivered')",
        )

    def team(self, personas: Personas) -> None:
        table = TeamMember._meta.db_table
        dossiers = Dossier._meta.db_table
        self.cursor.execute("CREATE TEMPORARY TABLE bench_team (kind text, idx int, id bigint)")
        self.cursor.executemany(
            "INSERT INTO bench_team VALUES (%s, %s, %s)",
            [("coordinator", n, pk) for n, pk in enumerate(personas.coordinator_ids)]
            + [("expert", n, pk) for n, pk in enumerate(personas.expert_ids)],
        )
        self.sql(
            "team: coordinators",
            f"""INSERT INTO {table} (dossier_id, user_id, role, added_at)
            SELECT d.id, t.id, 'coordinator', d.created_at FROM {dossiers} d
            JOIN bench_team t ON t.kind = 'coordinator' AND t.idx = d.id % {COORDINATORS}""",
        )
        self.sql(
            "team: experts",
            f"""INSERT INTO {table} (dossier_id, user_id, role, added_at)
            SELECT d.id, t.id, 'lawyer', d.created_at FROM {dossiers} d
            JOIN bench_team t ON t.kind = 'expert' AND t.idx = (d.id * 7919) % {EXPERTS}""",
        )
        self.cursor.execute("DROP TABLE bench_team")

    def reports(self, personas: Personas) -> None:
        self.sql(
            "written reports",
            f"""INSERT INTO {WrittenReport._meta.db_table} (dossier_id, status,
                approved_version_id, approved_by_id, approved_at, delivered_at, pdf,
                self_approved, created_at, updated_at)
            SELECT id, 'delivered', NULL, {personas.coordinator.pk},
                   report_delivered_on || ' 10:00:00', report_delivered_on || ' 15:00:00', '',
                   0, created_at, report_delivered_on || ' 15:00:00'
            FROM {Dossier._meta.db_table} WHERE report_delivered_on IS NOT NULL""",
        )

    def advice(self, personas: Personas) -> None:
        handlers = personas.coordinator_ids + personas.expert_ids
        columns = [
            "municipality_id", "party", "asked_by", "asked_by_user_id", "channel", "topic",
            "question", "advice", "minutes_spent", "asked_on", "handled_by_id",
            "imported_for_year", "created_at",
        ]  # fmt: skip
        for year, count in share_per_year(scaled("advice", self.scale), self.today).items():
            start, end = year_bounds(year, self.today)
            span = end - start

            def rows(year=year, count=count, start=start, span=span):
                for i in range(1, count + 1):
                    at = start + span * (i / count)
                    yield (
                        self.draw(year), "gemeente" if i % 2 == 0 else "ocmw",
                        "Maatschappelijk werker", None, "mail" if i % 3 == 0 else "phone",
                        "Vraag over schulden", self.cipher, self.cipher, 15 + i % 45,
                        at.date().isoformat(), handlers[(i * 31) % len(handlers)], None,
                        stamp(at),
                    )  # fmt: skip

            self.insert(f"advice {year}", AdviceEntry._meta.db_table, columns, rows())

    def agreements(self) -> None:
        """As the PostgreSQL fill: about 60% of the municipalities a year, a few drafts."""
        this_year = self.today.year
        pairs = [(year, pk) for year, ids in self.by_year.items() for pk in ids]
        pairs += [(this_year + 1, pk) for pk in self.by_year[this_year][::10]]
        rows = []
        for year, pk in sorted(pairs):
            if (pk * 7 + year) % 10 >= 6:
                continue
            draft = year > this_year
            rows.append((
                pk, ("gemeente", "ocmw", "both")[pk % 3],
                "pay_per_case" if (pk + year) % 3 == 0 else "annual_agreement",
                "draft" if draft else "signed",
                f"{year}-01-01", f"{year}-12-31", None if draft else f"{year - 1}-12-01",
                1500, 450, 350, "", "", None, f"{year - 1}-11-01 00:00:00",
                f"{year - 1}-12-01 00:00:00",
            ))  # fmt: skip
        self.insert("agreements", Agreement._meta.db_table, [
            "municipality_id", "party", "form", "status", "starts_on", "ends_on", "signed_on",
            "annual_fee", "fee_enterprise_scan", "fee_social_pre_investigation", "document",
            "notes", "imported_for_year", "created_at", "updated_at",
        ], rows)  # fmt: skip

    def audit(self, personas: Personas) -> None:
        dossier_type = ContentType.objects.get_for_model(Dossier).pk
        actors = personas.coordinator_ids + personas.expert_ids
        self.cursor.execute(f"SELECT min(id), max(id) FROM {Dossier._meta.db_table}")
        d0, last = self.cursor.fetchone()
        dn = last - d0 + 1
        columns = [
            "created_at", "code", "actor_id", "actor_username", "content_type_id", "object_id",
            "object_repr", "data", "ip_address", "user_agent", "path",
        ]  # fmt: skip
        for year, count in share_per_year(scaled("audit", self.scale), self.today).items():
            start, end = year_bounds(year, self.today)
            span = end - start

            def rows(count=count, start=start, span=span):
                for i in range(1, count + 1):
                    code = AUDIT_CODES[i % 4]
                    dossier = d0 + int(self.random.random() * dn)
                    listed = code == "dossier.listed"
                    yield (
                        stamp(start + span * (i / count)), code, actors[(i * 13) % len(actors)],
                        "bench_user", None if listed else dossier_type,
                        "" if listed else str(dossier),
                        "" if listed else f"dossiers.dossier #{dossier}", "{}", "10.0.0.1",
                        "Mozilla/5.0", "/dossiers/",
                    )  # fmt: skip

            self.insert(f"audit {year}", AuditEntry._meta.db_table, columns, rows())

    def analyze(self) -> None:
        started = time.monotonic()
        self.cursor.execute("ANALYZE")
        progress(f"analyze: {time.monotonic() - started:.0f} s")
