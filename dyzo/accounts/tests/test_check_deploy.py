"""The production environment of docs/deployment.md passes `check --deploy`."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

DEPLOYMENT_DOC = Path(settings.BASE_DIR) / "docs" / "deployment.md"


def documented_environment() -> dict[str, str]:
    block = re.search(r"^```env\n(.*?)^```", DEPLOYMENT_DOC.read_text(), re.S | re.M)
    assert block, "docs/deployment.md has no ```env block"
    pairs = [line.split("=", 1) for line in block.group(1).splitlines() if line.strip()]
    return dict(pairs)


def run_manage(*args, environment) -> subprocess.CompletedProcess:
    # Only the documented variables: nothing from this machine's development settings.
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DYZO_", "DATABASE_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**inherited, **environment, "DJANGO_SETTINGS_MODULE": "dyzo.settings"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_documented_environment_is_complete():
    environment = documented_environment()

    assert environment["DJANGO_DEBUG"] == "false"
    assert environment["DATABASE_URL"].startswith("postgres://")
    for name in ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DYZO_ENCRYPTION_KEYS"]:
        assert environment[name]


def test_check_deploy_is_clean_with_the_documented_environment():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", environment=documented_environment()
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_without_encryption_keys():
    environment = documented_environment()
    del environment["DYZO_ENCRYPTION_KEYS"]

    result = run_manage("check", "--deploy", environment=environment)

    assert result.returncode != 0
    assert "dyzo.E001" in result.stderr


def test_production_settings_follow_from_the_environment():
    code = (
        "from django.conf import settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECURE_PROXY_SSL_HEADER, s.DYZO_REQUIRE_2FA, s.STORAGES['staticfiles']['BACKEND'])"
    )

    result = run_manage("shell", "-v", "0", "-c", code, environment=documented_environment())

    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "True",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]
