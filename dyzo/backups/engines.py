"""Backup and restore of the configured database (see docs/backups.md).

SQLite goes through SQLite's online backup API: one step copies every page under a read
transaction, so the copy is the database as of one commit, even while others write. A file
copy of a live database can miss committed rows (they may still be in the WAL file) or catch
a half-written page. PostgreSQL goes through pg_dump's custom format, which reads one
snapshot of the database as well.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections


class BackupError(Exception):
    pass


def backup(output: Path, *, using: str = "default") -> None:
    connection = connections[using]
    if connection.vendor == "sqlite":
        _backup_sqlite(connection, output)
    elif connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(output)], connection)
    else:
        raise BackupError(f"No backup method for {connection.vendor}.")


def restore(source: Path, *, using: str = "default") -> None:
    """Restore `source` into the configured database, which must be empty."""
    connection = connections[using]
    if connection.introspection.table_names():
        raise BackupError("The target database is not empty: restore into a new, empty database.")
    if connection.vendor == "sqlite":
        _restore_sqlite(connection, source)
    elif connection.vendor == "postgresql":
        # No --single-transaction: a failure stops with --exit-on-error and the database is
        # dropped and created anew, as it was empty to start with.
        command = ["pg_restore", "--no-owner", "--exit-on-error", "--dbname"]
        _run([*command, connection.settings_dict["NAME"], str(source)], connection)
    else:
        raise BackupError(f"No restore method for {connection.vendor}.")


def _backup_sqlite(connection, output: Path) -> None:
    if connection.in_atomic_block:
        # SQLite's backup would wait forever for this connection's own open transaction.
        raise BackupError("Take a backup outside of a transaction.")
    partial = output.with_name(output.name + ".partial")
    partial.unlink(missing_ok=True)
    connection.ensure_connection()
    target = sqlite3.connect(partial)
    try:
        # pages=-1: the whole database in one step, hence one consistent snapshot.
        connection.connection.backup(target, pages=-1)
        _check_integrity(target)
        # A self-contained file: no -wal/-shm companions needed to read it.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    # Only a complete, checked copy takes the final name.
    partial.replace(output)


def _restore_sqlite(connection, source: Path) -> None:
    origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        _check_integrity(origin)
        connection.ensure_connection()
        origin.backup(connection.connection, pages=-1)
    finally:
        origin.close()


def _check_integrity(database: sqlite3.Connection) -> None:
    result = database.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"SQLite integrity check failed: {result}")


def _run(command: list[str], connection) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools).")
    result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
        command, env={**os.environ, **_libpq_environment(connection)}, capture_output=True
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.decode(errors="replace").strip())


def _libpq_environment(connection) -> dict[str, str]:
    """Connection settings as libpq variables: the password never shows in a process list."""
    settings = connection.settings_dict
    pairs = {
        "PGHOST": settings["HOST"],
        "PGPORT": settings["PORT"],
        "PGUSER": settings["USER"],
        "PGPASSWORD": settings["PASSWORD"],
        "PGDATABASE": settings["NAME"],
    }
    return {key: str(value) for key, value in pairs.items() if value}
