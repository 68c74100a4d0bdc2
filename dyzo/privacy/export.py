"""Everything Dyzo Lokaal holds about one entrepreneur, as a zip: data.json (every record,
field by field) plus the delivered report PDFs and the uploaded documents."""

import io
import json
import zipfile
from pathlib import PurePath

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from dyzo.dossiers.models import Entrepreneur
from dyzo.portal.models import HelpRequest

FORMAT_VERSION = 1


def export_entrepreneur(entrepreneur: Entrepreneur) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        data = {
            "format_version": FORMAT_VERSION,
            "exported_at": timezone.now(),
            "entrepreneur": {
                **_fields(entrepreneur),
                "municipality_name": entrepreneur.municipality.name,
            },
            "dossiers": [_dossier(dossier, archive) for dossier in _dossiers(entrepreneur)],
        }
        text = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
        archive.writestr("data.json", text)
    return buffer.getvalue()


def file_name(entrepreneur: Entrepreneur) -> str:
    return f"entrepreneur-{entrepreneur.pk}-{timezone.localdate():%Y%m%d}.zip"


def _dossiers(entrepreneur):
    return (
        entrepreneur.dossiers.select_related("municipality", "report")
        .prefetch_related(
            "status_changes__actor", "team__user", "activities", "documents", "report__versions"
        )
        .order_by("pk")
    )


def _dossier(dossier, archive) -> dict:
    return {
        **_fields(dossier),
        "municipality_name": dossier.municipality.name,
        "status_changes": [
            {**_fields(change), "actor_name": str(change.actor)}
            for change in dossier.status_changes.all()
        ],
        "team": [{"name": str(member.user), "role": member.role} for member in dossier.team.all()],
        "activities": [_fields(activity) for activity in dossier.activities.all()],
        "documents": [_document(document, archive) for document in dossier.documents.all()],
        "report": _report(dossier, archive),
        "help_requests": [
            _fields(request) for request in HelpRequest.objects.filter(dossier=dossier)
        ],
    }


def _document(document, archive) -> dict:
    suffix = PurePath(document.original_name).suffix
    path = f"documents/{document.dossier.reference}/{document.pk}{suffix}"
    return {**_fields(document), "file": _add_file(archive, document.file, path)}


def _report(dossier, archive) -> dict | None:
    report = getattr(dossier, "report", None)
    if report is None:
        return None
    return {
        **_fields(report),
        "pdf": _add_file(archive, report.pdf, f"reports/{dossier.reference}.pdf"),
        "versions": [
            {**_fields(version, exclude={"content"}), "sections": version.sections}
            for version in report.versions.all()
        ],
    }


def _add_file(archive, stored, path: str) -> str | None:
    """Copy a stored file into the zip; None when there is none or it is gone."""
    if not stored:
        return None
    try:
        with stored.storage.open(stored.name, "rb") as handle:
            archive.writestr(path, handle.read())
    except FileNotFoundError:
        return None
    return path


def _fields(obj, exclude=frozenset()) -> dict:
    """Every concrete field by name; relations as ids, files as their stored name."""
    values = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        value = getattr(obj, field.attname)
        values[field.attname] = value.name if isinstance(field, models.FileField) else value
    return values
