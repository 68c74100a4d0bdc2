from django.conf import settings
from django.core.management import call_command

COMMITTED = settings.BASE_DIR / "docs" / "openapi.yaml"
REGENERATE = "python manage.py spectacular --lang en --file docs/openapi.yaml --validate"


# Integer fields carry explicit bounds (dyzo/utils/validators.py), so the schema is the same
# on SQLite and PostgreSQL and this runs on both. The committed file is in English, whatever
# translations are compiled.
def test_the_committed_openapi_schema_is_current(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--lang", "en", "--file", str(generated), "--validate")

    assert generated.read_text() == COMMITTED.read_text(), (
        f"docs/openapi.yaml differs from the API: regenerate it with `{REGENERATE}` and "
        "commit it with the change."
    )
