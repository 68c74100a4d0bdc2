from django.conf import settings
from django.core.management import call_command

COMMITTED = settings.BASE_DIR / "docs" / "openapi.yaml"
REGENERATE = "python manage.py spectacular --file docs/openapi.yaml --validate"


def test_the_committed_openapi_schema_is_current(tmp_path):
    generated = tmp_path / "openapi.yaml"

    call_command("spectacular", "--file", str(generated), "--validate")

    assert generated.read_text() == COMMITTED.read_text(), (
        f"docs/openapi.yaml differs from the API: regenerate it with `{REGENERATE}` and "
        "commit it with the change."
    )
