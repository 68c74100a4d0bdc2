import io
import json
import zipfile

from django.core.management import call_command

from dyzo.audit.models import AuditEntry
from dyzo.privacy.export import export_entrepreneur
from dyzo.privacy.tests.conftest import PDF


def _open(content: bytes) -> tuple[zipfile.ZipFile, dict]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, json.loads(archive.read("data.json"))


def test_export_holds_every_record_and_the_files(old_dossier):
    entrepreneur = old_dossier.entrepreneur

    archive, data = _open(export_entrepreneur(entrepreneur))

    assert data["entrepreneur"]["last_name"] == entrepreneur.last_name
    assert data["entrepreneur"]["situation_notes"] == "Achterstand bij de RSZ."  # Decrypted.
    (dossier,) = data["dossiers"]
    assert dossier["reference"] == old_dossier.reference
    assert dossier["help_request"] == old_dossier.help_request
    assert dossier["activities"][0]["notes"] == "Gesprek thuis over de schulden."
    assert dossier["status_changes"][0]["note"] == "Zoon belde."
    assert dossier["report"]["versions"][0]["sections"]
    assert archive.read(dossier["report"]["pdf"]) == PDF
    document = dossier["documents"][0]
    assert archive.read(document["file"]).startswith(b"%PDF")
    assert set(archive.namelist()) == {"data.json", dossier["report"]["pdf"], document["file"]}


def test_export_command_writes_the_zip_and_logs_it(old_dossier, tmp_path):
    output = tmp_path / "export.zip"

    call_command(
        "export_entrepreneur", old_dossier.entrepreneur_id, str(output), stdout=io.StringIO()
    )

    _archive, data = _open(output.read_bytes())
    assert data["entrepreneur"]["id"] == old_dossier.entrepreneur_id
    assert AuditEntry.objects.filter(
        code="export.downloaded", object_id=str(old_dossier.entrepreneur_id)
    ).exists()
