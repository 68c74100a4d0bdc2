import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection

COMMITTED = settings.BASE_DIR / "docs" / "openapi.yaml"
REGENERATE = "python manage.py spectacular --file docs/openapi.yaml --validate"


# Integer bounds in the schema come from the database backend (Django's
# integer_field_range: a PositiveSmallIntegerField is capped at 32767 on PostgreSQL only).
# The committed file is generated on the default SQLite database, so it is compared there.
@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="docs/openapi.yaml is generated on SQLite"
)
def test_the_committed_openapi_schema_is_current(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--file", str(generated), "--validate")

    assert generated.read_text() == COMMITTED.read_text(), (
        f"docs/openapi.yaml differs from the API: regenerate it with `{REGENERATE}` and "
        "commit it with the change."
    )
