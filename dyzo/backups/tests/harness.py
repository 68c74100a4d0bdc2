"""Runs the project in separate processes against databases of a test's own, as in
production: one process keeps writing while another takes the backup."""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings

# Each transaction writes two audit entries with the same pair number, then notes the number
# in the log file: every number in the log was committed before it was written there.
WRITER = """
import sys
import django
django.setup()
from django.db import transaction
from dyzo.audit import audit

with open(sys.argv[1], "a") as log:
    number = 0
    while True:
        number += 1
        with transaction.atomic():
            for _half in range(2):
                audit.log(None, "backup.test", actor=None, data={"pair": number})
        log.write(f"{number}\\n")
        log.flush()
"""

PAIRS = """
import collections, json
import django
django.setup()
from dyzo.audit.models import AuditEntry

rows = AuditEntry.objects.filter(code="backup.test").values_list("data", flat=True)
print(json.dumps(collections.Counter(row["pair"] for row in rows)))
"""


def environment(database_url: str) -> dict[str, str]:
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_"))
    }
    return {**inherited, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "dyzo.settings"}


def manage(database_url: str, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def start_writer(database_url: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(log)],
        cwd=settings.BASE_DIR,
        env=environment(database_url),
        stderr=subprocess.PIPE,
        text=True,
    )


def committed(log: Path) -> list[int]:
    if not log.exists():
        return []
    return [int(line) for line in log.read_text().splitlines() if line.strip()]


def wait_for_commits(log: Path, writer: subprocess.Popen, at_least: int) -> None:
    """Wait (not a timing assertion) until the writer has committed `at_least` pairs."""
    deadline = time.monotonic() + 120
    while len(committed(log)) < at_least:
        assert writer.poll() is None, writer.stderr.read()
        assert time.monotonic() < deadline, "the writer made no progress"
        time.sleep(0.05)


def pairs_in(database_url: str) -> dict[int, int]:
    result = subprocess.run(
        [sys.executable, "-c", PAIRS],
        cwd=settings.BASE_DIR,
        env=environment(database_url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return {int(pair): count for pair, count in json.loads(result.stdout).items()}


def unique_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"
