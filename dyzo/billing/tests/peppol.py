"""Run ../shared/peppol/validate (the Peppol BIS 3.0 rules) on UBL documents in tests."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings

VALIDATOR = Path(settings.BASE_DIR).parent / "shared" / "peppol" / "validate"


def fatal_failures(*paths: Path) -> list[dict]:
    """The fatal rule failures of the documents; skips the test without the validator."""
    if not VALIDATOR.exists():
        pytest.skip(f"the Peppol validator is not here ({VALIDATOR}): see docs/billing.md")
    result = subprocess.run(
        [sys.executable, str(VALIDATOR), "--json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.stdout.strip(), result.stderr
    return [failure for failure in json.loads(result.stdout) if failure["flag"] == "fatal"]
