import re
from pathlib import Path

import pytest

from django.conf import settings
from django.urls import reverse

TEMPLATE_DIRS = sorted(Path(settings.BASE_DIR, "dyzo").glob("**/templates"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def _directives(header: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_pages_send_a_policy_without_inline_scripts(client, db):
    response = client.get(reverse("accounts:login"))

    policy = _directives(response.headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_cookies_are_http_only(client, coordinator, password):
    response = client.post(
        reverse("accounts:login"), {"username": "coordinator", "password": password}
    )

    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


@pytest.mark.parametrize(
    "template",
    [path for folder in TEMPLATE_DIRS for path in folder.glob("**/*.html")],
    ids=lambda path: str(path.relative_to(settings.BASE_DIR)),
)
def test_no_template_has_an_inline_script_or_event_handler(template):
    """The policy would block them; page JavaScript is a static file (docs/principles.md)."""
    source = template.read_text()

    assert not INLINE_SCRIPT.search(source)
    assert not INLINE_HANDLER.search(source)
