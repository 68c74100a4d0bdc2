"""Every string in the Dutch catalogues is translated: Dutch is the default language."""

import ast
from pathlib import Path

import pytest

from django.conf import settings

CATALOGUES = sorted((settings.BASE_DIR / "dyzo").glob("**/locale/nl/LC_MESSAGES/django.po"))


def entries(path: Path):
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = block.splitlines()
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        parts, current = {}, None
        for line in lines:
            if line.startswith(("msgid ", "msgid_plural ", "msgstr")):
                current, _space, rest = line.partition(" ")
                parts[current] = ast.literal_eval(rest)
            elif line.startswith('"') and current:
                parts[current] += ast.literal_eval(line)
        if parts.get("msgid"):
            yield parts, fuzzy


def test_there_are_catalogues():
    assert len(CATALOGUES) >= 10


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_every_message_has_a_dutch_translation(path):
    missing = [
        parts["msgid"]
        for parts, fuzzy in entries(path)
        if fuzzy or not all(value for key, value in parts.items() if key.startswith("msgstr"))
    ]
    assert missing == []
