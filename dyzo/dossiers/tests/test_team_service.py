import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from dyzo.accounts.constants import Expertise
from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.constants import ActivityKind, DocumentKind, TeamRole
from dyzo.dossiers.errors import DossierError, InvalidDocument
from dyzo.dossiers.models import Document
from dyzo.dossiers.services import (
    add_team_member,
    record_activity,
    remove_team_member,
    upload_document,
)
from dyzo.dossiers.services import documents as document_service
from dyzo.dossiers.tests.factories import TODAY, DossierFactory

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def test_experts_join_with_their_expertise(coordinator):
    accountant = UserFactory(expert=True, expertise=Expertise.ACCOUNTANT)
    member = add_team_member(DossierFactory(), accountant, actor=coordinator)
    assert member.role == TeamRole.ACCOUNTANT


def test_only_coordinators_compose_the_team(expert):
    with pytest.raises(DossierError):
        add_team_member(DossierFactory(), expert, actor=expert)


def test_nobody_joins_twice(coordinator, expert):
    dossier = DossierFactory()
    add_team_member(dossier, expert, actor=coordinator)
    with pytest.raises(DossierError, match="already on the team"):
        add_team_member(dossier, expert, actor=coordinator)


def test_municipal_workers_cannot_join(coordinator, worker_of_gent):
    with pytest.raises(DossierError):
        add_team_member(DossierFactory(), worker_of_gent, actor=coordinator)


def test_remove_team_member(coordinator, expert):
    dossier = DossierFactory()
    remove_team_member(add_team_member(dossier, expert, actor=coordinator), actor=coordinator)
    assert not dossier.team.exists()


def activity():
    return {"kind": ActivityKind.VISIT, "happened_on": TODAY, "duration_minutes": 60}


def test_team_expert_records_an_activity(coordinator, expert):
    dossier = DossierFactory()
    add_team_member(dossier, expert, actor=coordinator)
    assert record_activity(dossier, activity(), actor=expert).recorded_by == expert


def test_outsider_records_no_activity(expert):
    dossier = DossierFactory()
    with pytest.raises(DossierError):
        record_activity(dossier, activity(), actor=expert)
    assert not dossier.activities.exists()


def test_no_activity_on_a_closed_dossier(coordinator):
    with pytest.raises(DossierError):
        record_activity(DossierFactory(closed=True), activity(), actor=coordinator)


def test_upload_stores_the_type_read_from_the_content(coordinator):
    upload = SimpleUploadedFile("scan.png", PNG, content_type="image/jpeg")
    document = upload_document(DossierFactory(), upload, DocumentKind.PHOTO, actor=coordinator)
    assert document.content_type == "image/png"
    assert document.original_name == "scan.png"
    assert document.file.name.endswith(".png")
    assert "scan" not in document.file.name


def test_upload_refuses_a_name_that_lies_about_the_content(coordinator):
    upload = SimpleUploadedFile("scan.jpg", PNG, content_type="image/jpeg")
    with translation.override("en"), pytest.raises(InvalidDocument, match="but the file is a PNG"):
        upload_document(DossierFactory(), upload, DocumentKind.PHOTO, actor=coordinator)
    assert not Document.objects.exists()


def test_upload_refuses_a_disguised_file_and_stores_nothing(coordinator, media_root):
    upload = SimpleUploadedFile(
        "factuur.pdf", b"MZ\x90\0 not a pdf", content_type="application/pdf"
    )
    with translation.override("en"), pytest.raises(InvalidDocument, match="not accepted"):
        upload_document(DossierFactory(), upload, DocumentKind.TAX, actor=coordinator)
    assert not Document.objects.exists()
    assert not media_root.exists() or not list(media_root.rglob("*.*"))


def test_upload_refuses_a_too_large_file(coordinator, monkeypatch):
    monkeypatch.setattr(document_service, "MAX_DOCUMENT_SIZE", 10)
    upload = SimpleUploadedFile("groot.pdf", b"%PDF-1.4" + b"0" * 20)
    with pytest.raises(InvalidDocument, match="too large"):
        upload_document(DossierFactory(), upload, DocumentKind.TAX, actor=coordinator)
